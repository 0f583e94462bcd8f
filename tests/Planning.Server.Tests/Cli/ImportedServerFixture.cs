using Planning.Server.Tests.Infrastructure;

namespace Planning.Server.Tests.Cli;

/// <summary>One in-process server per test class with the dataset imported through the CLI.</summary>
public sealed class ImportedServerFixture : IAsyncLifetime
{
    public PlanningServer Server { get; private set; } = null!;

    public CliDataset Dataset { get; } = CliDataset.Create();

    /// <summary>What the import printed.</summary>
    public CliResult Import { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await PlanningServer.StartAsync();
        Import = await CliHarness.RunAsync(Server, "import", Dataset.Folder);
        if (Import.ExitCode != 0)
        {
            throw new InvalidOperationException($"the CLI import failed: {Import}");
        }
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Dataset.Dispose();
    }
}
