using System.Text.Json;
using Microsoft.Playwright;

namespace Planning.WebMap.Tests.Infrastructure;

/// <summary>The web map in one browser page, through its test hooks (window.planningMap) and its controls.</summary>
public sealed class MapPage : IAsyncDisposable
{
    private readonly List<string> _errors = [];
    private readonly List<ApiCall> _calls = [];

    public MapPage(IPage page)
    {
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _errors.Add($"console.error: {message.Text}");
            }
        };
        page.PageError += (_, error) => _errors.Add($"uncaught: {error}");
        page.RequestFailed += (_, request) => _errors.Add($"request failed: {request.Url} {request.Failure}");
        page.Request += (_, request) =>
        {
            // gRPC-Web calls are POSTs to /<package>.<Service>/<Method> on the page's origin.
            var path = new Uri(request.Url).AbsolutePath;
            if (request.Method == "POST" && path.StartsWith("/planning.", StringComparison.Ordinal))
            {
                request.Headers.TryGetValue("authorization", out var authorization);
                lock (_calls)
                {
                    _calls.Add(new ApiCall(path.TrimStart('/'), authorization));
                }
            }
        };
    }

    public IPage Page { get; }

    /// <summary>Console errors, uncaught exceptions and failed requests seen so far.</summary>
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>The planning API calls (gRPC-Web requests) the page has made so far, in order.</summary>
    public IReadOnlyList<ApiCall> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Waits until the sign-in panel is shown (the page then loads nothing until a key is accepted).</summary>
    public async Task WaitForSignInAsync()
    {
        await Page.WaitForFunctionAsync(
            "() => window.planningMap !== undefined && window.planningMap.auth().signInShown && !window.planningMap.auth().checking");
        await Page.Locator("#signin").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
    }

    /// <summary>Waits until the page asks whether to switch to a sign-in link's key (another key is stored); nothing is loaded meanwhile.</summary>
    public async Task WaitForSwitchAsync()
    {
        await Page.WaitForFunctionAsync("() => window.planningMap !== undefined && window.planningMap.auth().switchShown");
        await Page.Locator("#switch").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
    }

    public async Task<AuthState> AuthAsync()
    {
        var json = await Page.EvaluateAsync<JsonElement>("() => window.planningMap.auth()");
        return json.Deserialize<AuthState>(JsonOptions)!;
    }

    /// <summary>Clicks a control that makes the page load itself again (sign-out, signing in after a refusal) and waits for the new load.</summary>
    public Task ClickAndWaitForLoadAsync(string selector) => RunAndWaitForLoadAsync(() => Page.ClickAsync(selector));

    /// <summary>Does something that makes the page load itself again (e.g. a sign-in link opened in it) and waits for the new load.</summary>
    public async Task RunAndWaitForLoadAsync(Func<Task> action)
    {
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLoad(object? sender, IPage page) => loaded.TrySetResult();
        Page.Load += OnLoad;
        try
        {
            await action();
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            Page.Load -= OnLoad;
        }
    }

    /// <summary>
    /// From the next document on: records every value the page writes to localStorage's key entry, so
    /// that a test can tell a key that was never stored from one stored and removed again.
    /// </summary>
    public Task RecordKeyWritesAsync() => Page.AddInitScriptAsync(
        """
        (() => {
          const writes = [];
          window.__keyWrites = writes;
          const setItem = Storage.prototype.setItem;
          Storage.prototype.setItem = function (name, value) {
            if (this === window.localStorage && name === 'planning.apiKey') writes.push(String(value));
            return setItem.call(this, name, value);
          };
        })();
        """);

    /// <summary>The values the page wrote to localStorage's key entry since this document loaded (RecordKeyWritesAsync).</summary>
    public Task<string[]> KeyWritesAsync() => Page.EvaluateAsync<string[]>("() => window.__keyWrites ?? null");

    /// <summary>
    /// As another tab of the browser would: stores <paramref name="key"/> in localStorage while the page's
    /// first call that <paramref name="method"/> picks ("planning.v1.Service/Method") is on its way:
    /// sent with the page's key, its answer not yet back. (A page gets no storage event for its own writes.)
    /// </summary>
    public Task StoreKeyWhileACallIsOnItsWayAsync(Func<string, bool> method, string key)
    {
        var done = 0;
        return Page.RouteAsync(
            url => new Uri(url).AbsolutePath is var path && path.StartsWith("/planning.", StringComparison.Ordinal) && method(path.TrimStart('/')),
            async route =>
            {
                if (route.Request.Method == "POST" && Interlocked.Exchange(ref done, 1) == 0)
                {
                    await Page.EvaluateAsync("k => window.localStorage.setItem('planning.apiKey', k)", key);
                }
                await route.ContinueAsync();
            });
    }

    /// <summary>The key the page keeps in localStorage, or null.</summary>
    public Task<string?> StoredKeyAsync() =>
        Page.EvaluateAsync<string?>("() => window.localStorage.getItem('planning.apiKey')");

    /// <summary>
    /// Waits for the first full drawing. Fails at once, with the panel's message, when the page shows
    /// the sign-in panel instead (its key was refused), and after two minutes without a drawing.
    /// </summary>
    public async Task WaitReadyAsync()
    {
        await Page.WaitForFunctionAsync("() => window.planningMap !== undefined");
        var outcome = await Page.EvaluateAsync<string>(
            """
            () => Promise.race([
              window.planningMap.ready.then(() => "ready"),
              new Promise(resolve => {
                const check = () => {
                  const auth = window.planningMap.auth();
                  if (auth.signInShown && !auth.checking) resolve("sign-in");
                  else setTimeout(check, 50);
                };
                check();
              }),
              new Promise(resolve => setTimeout(() => resolve("timeout"), 120000)),
            ])
            """);
        if (outcome == "sign-in")
        {
            Assert.Fail($"the page shows the sign-in panel instead of the map: {(await AuthAsync()).Message}");
        }
        Assert.True(outcome == "ready", "the page did not finish its first drawing within two minutes");
        await IdleAsync();
    }

    /// <summary>Waits until the latest redraw (after a control changed) has finished.</summary>
    public async Task IdleAsync()
    {
        await Page.EvaluateAsync("() => window.planningMap.idle()");
        // One more frame so that OpenLayers has drawn what the sources hold.
        await Page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
    }

    public Task<int> CatchmentCountAsync(int panel = 0) =>
        Page.EvaluateAsync<int>("p => window.planningMap.catchmentFeatureCount(p)", panel);

    public Task<string[]> CatchmentCodesAsync(int panel = 0) =>
        Page.EvaluateAsync<string[]>("p => window.planningMap.catchmentSchoolCodes(p)", panel);

    public Task<string> SignatureAsync(int panel = 0) =>
        Page.EvaluateAsync<string>("p => window.planningMap.drawnSignature(p)", panel);

    public Task<int> SchoolsDrawnAsync() => Page.EvaluateAsync<int>("() => window.planningMap.schoolsDrawn()");

    public Task<int> ChangedAreaCountAsync() => Page.EvaluateAsync<int>("() => window.planningMap.changedAreaCount()");

    public async Task<List<string>> ChangedAreaCodesAsync() =>
        [.. (await Page.EvaluateAsync<string[]>("() => window.planningMap.changedAreaCodes()")).Order(StringComparer.Ordinal)];

    public async Task<MapState> StateAsync()
    {
        var json = await Page.EvaluateAsync<JsonElement>("() => window.planningMap.state()");
        return json.Deserialize<MapState>(JsonOptions)!;
    }

    public async Task<SelectedSchool?> SelectedSchoolAsync()
    {
        var json = await Page.EvaluateAsync<JsonElement?>("() => window.planningMap.selectedSchool()");
        return json is { ValueKind: JsonValueKind.Object } j ? j.Deserialize<SelectedSchool>(JsonOptions) : null;
    }

    public async Task<SelectedArea?> SelectedAreaAsync()
    {
        var json = await Page.EvaluateAsync<JsonElement?>("() => window.planningMap.selectedArea()");
        return json is { ValueKind: JsonValueKind.Object } j ? j.Deserialize<SelectedArea>(JsonOptions) : null;
    }

    public async Task ZoomToAsync(double lon, double lat, double zoom)
    {
        await Page.EvaluateAsync("([lon, lat, zoom]) => window.planningMap.zoomTo(lon, lat, zoom)", new[] { lon, lat, zoom });
        await IdleAsync();
    }

    /// <summary>Clicks a school's symbol with the mouse, as a planner would.</summary>
    public async Task ClickSchoolAsync(string code, int panel = 0)
    {
        var xy = await Page.EvaluateAsync<double[]?>("([c, p]) => window.planningMap.schoolPixel(c, p)", new object[] { code, panel });
        Assert.True(xy is { Length: 2 }, $"school {code} is not drawn");
        await Page.Mouse.ClickAsync((float)xy![0], (float)xy[1]);
    }

    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(WebMapFixture.ScreenshotFolder, $"webmap-{name}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        return path;
    }

    /// <summary>Clicks a WGS84 point of the map with the mouse.</summary>
    public async Task ClickAtAsync(double lon, double lat, int panel = 0)
    {
        var xy = await Page.EvaluateAsync<double[]?>("([lon, lat, p]) => window.planningMap.pixelOf(lon, lat, p)", new object[] { lon, lat, panel });
        Assert.True(xy is { Length: 2 }, "the map has no pixel for that point");
        await Page.Mouse.ClickAsync((float)xy![0], (float)xy[1]);
    }

    /// <param name="aborted">A call the test made the page abort on purpose (e.g. a cancelled RunSimulation), "planning.v1.Service/Method".</param>
    public async Task AssertNoErrorsAsync(string? aborted = null)
    {
        var hookErrors = await Page.EvaluateAsync<string[]>("() => window.planningMap.errors()");
        var all = _errors
            .Where(e => aborted is null || !(e.StartsWith("request failed: ", StringComparison.Ordinal) && e.Contains($"/{aborted} net::ERR_ABORTED", StringComparison.Ordinal)))
            .Concat(hookErrors.Select(e => $"page: {e}")).ToList();
        Assert.True(all.Count == 0, "errors in the page:\n" + string.Join("\n", all));
    }

    /// <summary>Closes the page and its browser context (and with it the context's localStorage).</summary>
    public async ValueTask DisposeAsync() => await Page.Context.CloseAsync();

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}

public sealed record MapState(
    string? RunId, string Term, string[] Terms, string Part, string CompareMode, string? CompareRunId, string Scenario,
    string CatchmentSource);

public sealed record SelectedSchool(
    string Code, string Name, int[] Enrolment, int[] Classes, int[] LargestClass, int Total, string? Highlighted);

public sealed record SelectedArea(string Code, int[] Students);

/// <summary>One gRPC-Web request: "planning.v1.Service/Method" and its authorization header (null when none was sent).</summary>
public sealed record ApiCall(string Method, string? Authorization);

/// <summary>
/// window.planningMap.auth(): the accepted key, or the sign-in panel and its message; the choice between
/// a sign-in link's key and the stored one; the notice under the status line.
/// </summary>
public sealed record AuthState(
    bool SignedIn, string? Name, string? Role, bool CanPlan, bool SignInShown, bool Checking, string Message,
    bool SwitchShown, string Notice);
