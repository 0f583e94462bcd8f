using Grpc.Core;
using Microsoft.Playwright;
using Planning.Server.Tests.Infrastructure;
using Planning.V1;

namespace Planning.WebMap.Tests.Infrastructure;

/// <summary>
/// One server with the Baodi data (imported through gRPC), the Baodi runs when the server can
/// simulate, and one headless Debian Chromium, shared by the tests of a class.
/// Missing prerequisites fail the tests with the command that provides them; nothing is skipped.
/// </summary>
public sealed class WebMapFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private string? _profile;

    public WebMapServer Server { get; private set; } = null!;

    public IBrowserContext Browser { get; private set; } = null!;

    public SchoolService.SchoolServiceClient Schools { get; private set; } = null!;

    public ResidentialAreaService.ResidentialAreaServiceClient Areas { get; private set; } = null!;

    public SimulationService.SimulationServiceClient Simulation { get; private set; } = null!;

    /// <summary>The "after" run (redistribution) of the Baodi data; null while the server answers UNIMPLEMENTED.</summary>
    public Run? AfterRun { get; private set; }

    /// <summary>The "before" run (every area keeps its school); null while the server answers UNIMPLEMENTED.</summary>
    public Run? BeforeRun { get; private set; }

    public bool RunsAvailable => AfterRun is not null;

    public static string ScreenshotFolder { get; } = Path.Combine(RepoPaths.Root, ".run", "screenshots");

    public async Task InitializeAsync()
    {
        CheckPrerequisites();
        try
        {
            await StartAsync();
        }
        catch
        {
            // xunit does not dispose a fixture whose start failed: drop the database and close Chromium here.
            await DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync()
    {
        Server = await WebMapServer.StartAsync();
        var channel = Server.CreateChannel();
        Schools = new SchoolService.SchoolServiceClient(channel);
        Areas = new ResidentialAreaService.ResidentialAreaServiceClient(channel);
        Simulation = new SimulationService.SimulationServiceClient(channel);

        var imported = await TinyDataset.Upload(new DatasetService.DatasetServiceClient(channel), TinyDataset.BaodiLayers());
        Assert.True(imported.Schools > 0 && imported.ResidentialAreas > 0, "the Baodi data did not import");

        // "before" first, so that "after" is the newest run: the one the page opens.
        BeforeRun = await TryRunAsync(RunMode.KeepCurrent, "before");
        if (BeforeRun is not null)
        {
            AfterRun = await TryRunAsync(RunMode.Redistribute, "after");
        }

        _playwright = await Playwright.CreateAsync();
        _profile = Directory.CreateTempSubdirectory("planning-webmap-chromium-").FullName;
        Browser = await _playwright.Chromium.LaunchPersistentContextAsync(_profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
            ViewportSize = new ViewportSize { Width = 1600, Height = 1000 },
            Locale = "zh-CN",
        });
        Browser.SetDefaultTimeout(30_000);
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>Runs a simulation to its end; null when the server does not simulate yet.</summary>
    private async Task<Run?> TryRunAsync(RunMode mode, string label)
    {
        try
        {
            using var call = Simulation.RunSimulation(new RunSimulationRequest { Mode = mode, Label = label },
                deadline: DateTime.UtcNow.AddMinutes(5));
            Run? finished = null;
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                if (call.ResponseStream.Current.EventCase == RunSimulationResponse.EventOneofCase.Finished)
                {
                    finished = call.ResponseStream.Current.Finished;
                }
            }
            Assert.True(finished is not null, $"RunSimulation({mode}) ended without a finished run");
            Assert.Equal(RunStatus.Succeeded, finished!.Status);
            return finished;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unimplemented)
        {
            return null;
        }
    }

    private static void CheckPrerequisites()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"{ChromiumPath} is missing. Install Debian's Chromium and CJK fonts: `scripts/prereqs test` " +
                "(or `sudo apt-get install chromium fonts-noto-cjk`). The tests never download a browser.");
        }
        var index = Path.Combine(RepoPaths.Root, "src", "Planning.Server", "wwwroot", "index.html");
        if (!File.Exists(index))
        {
            throw new InvalidOperationException(
                $"{index} is missing: the web map is not built. Build it with `web/build.sh` (npm ci + npm run build).");
        }
    }

    /// <summary>A new page on the web map, recording console errors and uncaught exceptions.</summary>
    public async Task<MapPage> OpenAsync(string hash = "")
    {
        var page = await Browser.NewPageAsync();
        var map = new MapPage(page);
        await page.GotoAsync(Server.WebAddress + hash);
        await map.WaitReadyAsync();
        return map;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_profile is not null)
        {
            try
            {
                Directory.Delete(_profile, recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still hold a lock file for a moment; the folder is in /tmp.
            }
        }
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
