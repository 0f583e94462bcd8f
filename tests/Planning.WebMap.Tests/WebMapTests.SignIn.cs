using Microsoft.Playwright;
using Planning.V1;
using Planning.WebMap.Tests.Infrastructure;
using DataRole = Planning.Server.Data.Role;

namespace Planning.WebMap.Tests;

/// <summary>
/// Signing in: the key of a sign-in link (URL fragment) or pasted into the sign-in panel, checked with
/// AccessService.WhoAmI, kept in localStorage, sent on every call; roles in the UI; signing out.
/// Every page has a browser context (and localStorage) of its own.
/// </summary>
public sealed partial class WebMapTests
{
    private const string WhoAmI = "planning.v1.AccessService/WhoAmI";

    [Fact]
    public async Task Sign_in_link_key_leaves_the_address_bar_at_once_and_the_other_hash_parameters_stay()
    {
        // A view other than the default one, so that the page visibly honours the kept parameters.
        var run = fixture.BeforeRun;
        var term = run is null ? ServerTruth.BaseTerm : run.Terms[^1];
        var hash = $"run={run?.Id ?? "base"}&term={term}&part=junior";
        var key = fixture.Server.AdminKey;
        await using var map = await fixture.NewPageAsync();

        // DOMContentLoaded comes after the page's module script ran its first lines, before any answer arrived.
        await map.Page.GotoAsync(fixture.AddressWith(hash, key), new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        var early = await map.Page.EvaluateAsync<string>("() => location.href");
        var entries = await map.Page.EvaluateAsync<int>("() => history.length");
        Assert.DoesNotContain("key=", early);
        Assert.DoesNotContain(key, early);
        Assert.EndsWith("#" + hash, early);

        await map.WaitReadyAsync();
        var state = await map.StateAsync();
        Assert.Equal(run?.Id, state.RunId);
        Assert.Equal(term, state.Term);
        Assert.Equal("junior", state.Part);
        var url = map.Page.Url;
        Assert.DoesNotContain("key=", url);
        Assert.Contains($"run={run?.Id ?? "base"}", url);
        Assert.Contains($"term={term}", url);
        Assert.Contains("part=junior", url);
        // The key was replaced, not pushed: no history entry to go back to holds it.
        Assert.Equal(entries, await map.Page.EvaluateAsync<int>("() => history.length"));

        Assert.Equal(key, await map.StoredKeyAsync());
        var calls = map.Calls;
        Assert.Equal(WhoAmI, calls[0].Method);
        Assert.Contains(calls, c => c.Method.StartsWith("planning.v1.SchoolService/", StringComparison.Ordinal));
        Assert.All(calls, c => Assert.Equal($"Bearer {key}", c.Authorization));
        var auth = await map.AuthAsync();
        Assert.True(auth.SignedIn);
        Assert.Equal("admin", auth.Role);
        Assert.True(await map.Page.Locator("#whoami").IsVisibleAsync());
        Assert.Contains("test admin", await map.Page.InnerTextAsync("#whoami"));
        Assert.False(await map.Page.Locator("#signin").IsVisibleAsync());
        await map.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task Without_a_key_the_page_shows_the_sign_in_panel_and_loads_nothing()
    {
        await using var map = await fixture.NewPageAsync();
        await map.Page.GotoAsync(fixture.AddressWith());
        await map.WaitForSignInAsync();
        await map.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.All(map.Calls, c => Assert.Equal(WhoAmI, c.Method)); // no data calls: at most the key check
        Assert.Equal(0, await map.CatchmentCountAsync());
        Assert.Equal(0, await map.SchoolsDrawnAsync());
        Assert.Equal("pending", await map.Page.EvaluateAsync<string>(
            "() => Promise.race([window.planningMap.ready.then(() => 'ready'), new Promise(r => setTimeout(() => r('pending'), 300))])"));
        var panel = await map.Page.InnerTextAsync("#signin");
        Assert.Contains("planning web-link", panel);
        Assert.Contains("登录", panel);
        Assert.Contains($"{fixture.Server.WebAddress}#key=pln_", panel);
        Assert.True(await map.Page.Locator("#signin-key").IsVisibleAsync());
        Assert.False(await map.Page.Locator("#signin-error").IsVisibleAsync());
        Assert.False(await map.Page.Locator("#whoami").IsVisibleAsync());
        Assert.Contains("未登录", await map.Page.InnerTextAsync("#status"));
        Assert.Null(await map.StoredKeyAsync());

        Log(await map.ScreenshotAsync("sign-in"));
        await map.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task A_bad_key_shows_the_sign_in_panel_with_the_UNAUTHENTICATED_message()
    {
        var bad = "pln_" + new string('A', 43); // well-formed, but no such key
        await using var map = await fixture.NewPageAsync();
        var answer = new TaskCompletionSource<IResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        map.Page.Response += (_, r) =>
        {
            if (r.Url.EndsWith("/" + WhoAmI, StringComparison.Ordinal))
            {
                answer.TrySetResult(r);
            }
        };
        await map.Page.GotoAsync(fixture.AddressWith(key: bad));
        await map.WaitForSignInAsync();
        await map.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // What the browser received, for the record (the page must cope with any form of the refusal).
        var response = await answer.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var headers = await response.AllHeadersAsync();
        output.WriteLine($"WhoAmI with a bad key: HTTP {response.Status}; " + string.Join("; ",
            headers.Where(h => h.Key.StartsWith("grpc-", StringComparison.Ordinal) || h.Key == "content-type").Select(h => $"{h.Key}: {h.Value}")));

        var error = await map.Page.InnerTextAsync("#signin-error");
        Assert.Contains("UNAUTHENTICATED", error);
        // The server's own reason, read from its trailers-only answer (grpc-status/grpc-message headers).
        Assert.Contains("the API key is unknown or has been revoked", error);
        Assert.Equal([new ApiCall(WhoAmI, $"Bearer {bad}")], map.Calls);
        Assert.Null(await map.StoredKeyAsync()); // a refused key is forgotten
        Assert.DoesNotContain("key=", map.Page.Url);
        Assert.Equal(0, await map.CatchmentCountAsync());

        Log(await map.ScreenshotAsync("sign-in-bad-key"));
        await map.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task Pasting_a_valid_key_in_the_sign_in_panel_loads_the_map()
    {
        var key = await fixture.CreateKeyAsync(DataRole.Planner, "李老师 planning office");
        await using var map = await fixture.NewPageAsync();
        await map.Page.GotoAsync(fixture.AddressWith());
        await map.WaitForSignInAsync();

        // A wrong key first: refused, the panel stays, nothing is stored.
        await map.Page.FillAsync("#signin-key", "pln_wrong");
        await map.Page.ClickAsync("#signin-submit");
        await map.Page.Locator("#signin-error").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        Assert.Contains("UNAUTHENTICATED", await map.Page.InnerTextAsync("#signin-error"));
        Assert.True(await map.Page.Locator("#signin").IsVisibleAsync());
        Assert.Null(await map.StoredKeyAsync());

        // Then the planner's key, pasted with spaces around it.
        await map.Page.FillAsync("#signin-key", $"  {key} ");
        await map.Page.ClickAsync("#signin-submit");
        await map.WaitReadyAsync();

        Assert.False(await map.Page.Locator("#signin").IsVisibleAsync());
        var auth = await map.AuthAsync();
        Assert.True(auth.SignedIn);
        Assert.Equal("planner", auth.Role);
        Assert.Contains("李老师 planning office", await map.Page.InnerTextAsync("#whoami"));
        Assert.Contains("planner", await map.Page.InnerTextAsync("#whoami"));
        Assert.Equal(key, await map.StoredKeyAsync());
        Assert.Equal(await _truth.CatchmentCountAsync(DefaultRun, FirstTerm, SchoolPart.Primary), await map.CatchmentCountAsync());
        Assert.Equal(fixture.RunsAvailable, await map.Page.Locator("#sim-start").IsEnabledAsync());
        Assert.All(map.Calls.Where(c => c.Method != WhoAmI), c => Assert.Equal($"Bearer {key}", c.Authorization));
        Log(await map.ScreenshotAsync("signed-in-planner"));

        // The key is kept: a reload signs in by itself.
        var before = map.Calls.Count;
        await map.Page.ReloadAsync();
        await map.WaitReadyAsync();
        Assert.False(await map.Page.Locator("#signin").IsVisibleAsync());
        Assert.Equal(new ApiCall(WhoAmI, $"Bearer {key}"), map.Calls[before]);
        await map.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task A_viewer_key_disables_the_run_controls_and_still_shows_school_information()
    {
        var key = await fixture.CreateKeyAsync(DataRole.Viewer, "王老师 viewer");
        await using var map = await fixture.OpenWithKeyAsync(key);

        var auth = await map.AuthAsync();
        Assert.Equal("viewer", auth.Role);
        Assert.False(auth.CanPlan);
        Assert.Contains("王老师 viewer", await map.Page.InnerTextAsync("#whoami"));
        Assert.Contains("viewer", await map.Page.InnerTextAsync("#whoami-role"));
        var start = map.Page.Locator("#sim-start");
        Assert.True(await start.IsDisabledAsync());
        Assert.True(await map.Page.Locator("#sim-mode").IsDisabledAsync());
        Assert.True(await map.Page.Locator("#sim-label").IsDisabledAsync());
        if (fixture.RunsAvailable)
        {
            Assert.Contains("planner", await start.GetAttributeAsync("title") ?? "");
            Assert.Contains("planner", await map.Page.InnerTextAsync("#sim-message"));
        }

        // Everything a viewer may read is there: the catchments and a school's figures and open items.
        Assert.Equal(await _truth.CatchmentCountAsync(DefaultRun, FirstTerm, SchoolPart.Primary), await map.CatchmentCountAsync());
        var drawn = (await map.CatchmentCodesAsync()).ToHashSet();
        var school = (await _truth.SchoolsAsync()).Where(s => drawn.Contains(s.Code)).MaxBy(s => s.Enrolment.Sum())!;
        await map.ZoomToAsync(school.Lon, school.Lat, 15);
        await map.ClickSchoolAsync(school.Code);
        await map.Page.WaitForSelectorAsync($"#info h3[data-school='{school.Code}']");
        await map.Page.WaitForFunctionAsync("() => !document.querySelector('#school-items .hint')?.textContent?.startsWith('…')");
        await map.IdleAsync();
        var shown = await map.SelectedSchoolAsync();
        var (enrolment, _, _) = await _truth.SchoolFiguresAsync(DefaultRun, FirstTerm, school.Code);
        Assert.Equal(enrolment, shown!.Enrolment);
        Assert.Contains("待整改事项", await map.Page.InnerTextAsync("#info"));
        Assert.DoesNotContain("PERMISSION_DENIED", await map.Page.InnerTextAsync("#info"));
        Assert.DoesNotContain(map.Calls, c => c.Method.EndsWith("/RunSimulation", StringComparison.Ordinal));

        Log(await map.ScreenshotAsync("viewer"));
        await map.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task A_call_above_the_keys_role_shows_the_servers_PERMISSION_DENIED_message_in_the_status_line()
    {
        var key = await fixture.CreateKeyAsync(DataRole.Viewer, "viewer who forces the button");
        await using var map = await fixture.OpenWithKeyAsync(key);
        var runsBefore = (await fixture.Simulation.ListRunsAsync(new ListRunsRequest())).Page.TotalCount;

        // As if the button had been left enabled: the server is the one that refuses.
        await map.Page.EvaluateAsync("() => { document.getElementById('sim-start').disabled = false; }");
        await map.Page.ClickAsync("#sim-start");
        await map.Page.WaitForFunctionAsync("() => document.getElementById('status').textContent.includes('PERMISSION_DENIED')");

        var status = await map.Page.InnerTextAsync("#status");
        Assert.Contains("needs planner", status); // the server's message names the role needed
        Assert.Contains("SimulationService/RunSimulation", status);
        Assert.Contains(map.Calls, c => c.Method == "planning.v1.SimulationService/RunSimulation");
        await map.Page.WaitForFunctionAsync("() => document.getElementById('sim-start').disabled");
        Assert.Equal(runsBefore, (await fixture.Simulation.ListRunsAsync(new ListRunsRequest())).Page.TotalCount);
        Log(await map.ScreenshotAsync("permission-denied"));
    }

    [Fact]
    public async Task Signing_out_forgets_the_key_and_a_reload_shows_the_sign_in_panel()
    {
        await using var map = await fixture.OpenAsync();
        Assert.NotNull(await map.StoredKeyAsync());

        await map.ClickAndWaitForLoadAsync("#signout");
        await map.WaitForSignInAsync();
        Assert.Null(await map.StoredKeyAsync());
        Assert.Equal(0, await map.CatchmentCountAsync());

        var before = map.Calls.Count;
        await map.Page.ReloadAsync();
        await map.WaitForSignInAsync();
        await map.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Null(await map.StoredKeyAsync());
        Assert.Empty(map.Calls.Skip(before)); // no key: not even WhoAmI
        Assert.False(await map.Page.Locator("#whoami").IsVisibleAsync());
        Assert.Equal(0, await map.CatchmentCountAsync());
    }

    [Fact]
    public async Task A_key_revoked_while_the_page_is_open_brings_back_the_sign_in_panel()
    {
        const string name = "revoked while open";
        var key = await fixture.CreateKeyAsync(DataRole.Viewer, name);
        await using var map = await fixture.OpenWithKeyAsync(key);
        var keys = await fixture.Access.ListApiKeysAsync(new ListApiKeysRequest { Page = new PageRequest { PageSize = 1000 } });
        await fixture.Access.RevokeApiKeyAsync(new RevokeApiKeyRequest { Id = keys.Keys.Single(k => k.Name == name).Id });

        // The next call is refused: a level the page has not loaded yet (or, without runs, a reload).
        if (fixture.RunsAvailable)
        {
            await map.Page.CheckAsync("#part-junior");
        }
        else
        {
            await map.Page.ReloadAsync();
        }
        await map.WaitForSignInAsync();
        Assert.Contains("UNAUTHENTICATED", await map.Page.InnerTextAsync("#signin-error"));
        Assert.Contains("revoked", await map.Page.InnerTextAsync("#signin-error"));
        Assert.Null(await map.StoredKeyAsync());

        // Signing in again starts the page afresh with the new key.
        await map.Page.FillAsync("#signin-key", fixture.Server.AdminKey);
        await map.ClickAndWaitForLoadAsync("#signin-submit");
        await map.WaitReadyAsync();
        Assert.Equal("admin", (await map.AuthAsync()).Role);
        Assert.Equal(fixture.Server.AdminKey, await map.StoredKeyAsync());
    }
}
