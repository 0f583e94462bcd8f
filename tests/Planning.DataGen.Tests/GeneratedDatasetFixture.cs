using Planning.DataGen.Build;
using Planning.DataGen.Model;
using Planning.DataGen.Output;
using Planning.DataGen.Sources;

namespace Planning.DataGen.Tests;

/// <summary>One fresh generation with the default seed, written to a temp folder and read back, shared by the tests.</summary>
public sealed class GeneratedDatasetFixture : IDisposable
{
    public GeneratedDatasetFixture()
    {
        Directory = TestPaths.NewTempDirectory();
        Dataset = DatasetGenerator.Generate(SourceLoader.Load(TestPaths.Sources), DatasetGenerator.DefaultSeed);
        DatasetWriter.Write(Dataset, Directory);
        Layers = LoadedLayers.Load(Directory);
    }

    public string Directory { get; }

    public Dataset Dataset { get; }

    public LoadedLayers Layers { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}

[CollectionDefinition(Name)]
public sealed class GeneratedDatasetCollection : ICollectionFixture<GeneratedDatasetFixture>
{
    public const string Name = "generated dataset";
}
