using Planning.DataGen.Build;
using Planning.DataGen.Output;
using Planning.DataGen.Sources;
using Planning.DataGen;

CommandLine options;
try
{
    options = CommandLine.Parse(args, Environment.CurrentDirectory);
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

if (!Directory.Exists(options.SourcesDirectory))
{
    Console.Error.WriteLine($"no sources folder at {options.SourcesDirectory}");
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

var dataset = DatasetGenerator.Generate(SourceLoader.Load(options.SourcesDirectory), options.Seed);
if (options.SummaryOnly)
{
    Console.Write(DatasetSummary.Compute(dataset).ToMarkdown());
    return 0;
}

DatasetWriter.Write(dataset, options.OutputDirectory);
Console.WriteLine($"wrote {string.Join(", ", DatasetWriter.Files)} to {options.OutputDirectory} (seed {options.Seed})");
return 0;
