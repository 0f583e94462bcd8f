using Planning.DataGen.Build;
using Planning.DataGen.Output;
using Planning.DataGen.Sources;

namespace Planning.DataGen.Tests;

[Collection(GeneratedDatasetCollection.Name)]
public sealed class DeterminismTests(GeneratedDatasetFixture fixture)
{
    [Fact]
    public void Generate_TwiceWithSameSeed_WritesByteIdenticalFiles()
    {
        var first = TestPaths.NewTempDirectory();
        var second = TestPaths.NewTempDirectory();
        try
        {
            const ulong seed = 7;
            DatasetWriter.Write(DatasetGenerator.Generate(SourceLoader.Load(TestPaths.Sources), seed), first);
            DatasetWriter.Write(DatasetGenerator.Generate(SourceLoader.Load(TestPaths.Sources), seed), second);

            foreach (var file in DatasetWriter.Files)
            {
                Assert.True(
                    File.ReadAllBytes(Path.Combine(first, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second, file))),
                    $"{file} differs between two generations with seed {seed}");
            }
        }
        finally
        {
            Directory.Delete(first, recursive: true);
            Directory.Delete(second, recursive: true);
        }
    }

    [Fact]
    public void CommittedDataset_ComparedWithFreshDefaultGeneration_IsByteIdentical()
    {
        foreach (var file in DatasetWriter.Files)
        {
            var committed = Path.Combine(TestPaths.CommittedDataset, file);
            Assert.True(File.Exists(committed), $"data/geo/{file} is missing; run: dotnet run --project tools/Planning.DataGen");
            Assert.True(
                File.ReadAllBytes(committed).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(fixture.Directory, file))),
                $"data/geo/{file} differs from a fresh generation; run: dotnet run --project tools/Planning.DataGen");
        }
    }

    [Fact]
    public void Generate_DifferentSeeds_GiveDifferentSyntheticData()
    {
        var other = DatasetGenerator.Generate(SourceLoader.Load(TestPaths.Sources), DatasetGenerator.DefaultSeed + 1);
        var rendered = DatasetWriter.Render(other).ToDictionary(f => f.File, f => f.Bytes);
        var fresh = File.ReadAllBytes(Path.Combine(fixture.Directory, DatasetWriter.ResidentialAreasFile));

        Assert.False(rendered[DatasetWriter.ResidentialAreasFile].AsSpan().SequenceEqual(fresh));
    }

    [Fact]
    public void WrittenFiles_LineEndings_AreLfOnly()
    {
        foreach (var file in DatasetWriter.Files)
        {
            var bytes = File.ReadAllBytes(Path.Combine(fixture.Directory, file));
            Assert.DoesNotContain((byte)'\r', bytes);
            Assert.Equal((byte)'\n', bytes[^1]);
        }
    }
}
