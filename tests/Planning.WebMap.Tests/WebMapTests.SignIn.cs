using Microsoft.Playwright;
using Planning.V1;
using Planning.WebMap.Tests.Infrastructure;
using DataRole = Planning.Server.Data.Role;

namespace Planning.WebMap.Tests;

/// <summary>
/// Signing in: the key of a sign-in link (URL fragment) or pasted into the sign-in panel, checked with
/// AccessService.WhoAmI, kept in localStorage, sent on every call; roles in the UI; signing out.
/// A link's key is stored only once accepted, and never over another stored key without asking;
/// a refused key is forgotten only while it is still the stored one.
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
        var term = run.Terms[^1];
        var hash = $"run={run.Id}&term={term}&part=junior";
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
        Assert.Equal(run.Id, state.RunId);
        Assert.Equal(term, state.Term);
        Assert.Equal("junior", state.Part);
        var url = map.Page.Url;
        Assert.DoesNotContain("key=", url);
        Assert.Contains($"run={run.Id}", url);
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
        Assert.Null(await map.StoredKeyAsync()); // a refused link's key is never stored
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
        Assert.True(await map.Page.Locator("#sim-start").IsEnabledAsync());
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
        Assert.Contains("planner", await start.GetAttributeAsync("title") ?? "");
        Assert.Contains("planner", await map.Page.InnerTextAsync("#sim-message"));

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
        await RevokeAsync(name);

        // The next call is refused: a level the page has not loaded yet.
        await map.Page.CheckAsync("#part-junior");
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

    private const string LinkRefused = "The sign-in link's key was refused (UNAUTHENTICATED)";

    private async Task RevokeAsync(string name)
    {
        var keys = await fixture.Access.ListApiKeysAsync(new ListApiKeysRequest { Page = new PageRequest { PageSize = 1000 } });
        await fixture.Access.RevokeApiKeyAsync(new RevokeApiKeyRequest { Id = keys.Keys.Single(k => k.Name == name).Id });
    }

    [Fact]
    public async Task A_link_with_another_valid_key_asks_first_and_Stay_keeps_the_stored_key()
    {
        var own = await fixture.CreateKeyAsync(DataRole.Viewer, "本人 own key (stay)");
        var sent = await fixture.CreateKeyAsync(DataRole.Planner, "链接 link sender (stay)");
        await using var map = await fixture.OpenWithKeyAsync(own);
        await map.RecordKeyWritesAsync();

        // Someone else's sign-in link, opened in a new page of the same browser.
        await map.Page.GotoAsync("about:blank");
        var before = map.Calls.Count;
        await map.Page.GotoAsync(fixture.AddressWith("part=junior", sent), new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        Assert.DoesNotContain("key=", await map.Page.EvaluateAsync<string>("() => location.href"));
        await map.WaitForSwitchAsync();

        var text = await map.Page.InnerTextAsync("#switch");
        Assert.Contains("This link signs in as 链接 link sender (stay)", text);
        Assert.Contains("planner", text);
        Assert.Contains("You are signed in as 本人 own key (stay)", text);
        Assert.Contains("viewer", text);
        Assert.Contains("Switch to 链接 link sender (stay)", await map.Page.InnerTextAsync("#switch-accept"));
        Assert.Contains("Stay", await map.Page.InnerTextAsync("#switch-stay"));
        Assert.True((await map.AuthAsync()).SwitchShown);
        // Nothing stored, nothing loaded while the page asks: just the two keys' checks.
        Assert.Equal(own, await map.StoredKeyAsync());
        Assert.Empty(await map.KeyWritesAsync());
        Assert.Equal([new ApiCall(WhoAmI, $"Bearer {sent}"), new ApiCall(WhoAmI, $"Bearer {own}")], map.Calls.Skip(before));
        Assert.Equal(0, await map.CatchmentCountAsync());
        Log(await map.ScreenshotAsync("sign-in-link-switch"));

        await map.Page.ClickAsync("#switch-stay");
        await map.WaitReadyAsync();

        Assert.False(await map.Page.Locator("#switch").IsVisibleAsync());
        var auth = await map.AuthAsync();
        Assert.True(auth.SignedIn);
        Assert.Equal("viewer", auth.Role);
        Assert.Equal("本人 own key (stay)", auth.Name);
        Assert.Contains("本人 own key (stay)", await map.Page.InnerTextAsync("#whoami"));
        Assert.Equal(own, await map.StoredKeyAsync());
        Assert.Empty(await map.KeyWritesAsync());
        var data = map.Calls.Skip(before).Where(c => c.Method != WhoAmI).ToList();
        Assert.NotEmpty(data);
        Assert.All(data, c => Assert.Equal($"Bearer {own}", c.Authorization));
        Assert.Equal("junior", (await map.StateAsync()).Part); // the link's other parameters still apply
        await map.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task A_link_with_another_valid_key_opened_in_a_signed_in_tab_asks_first_and_Switch_stores_it()
    {
        var own = await fixture.CreateKeyAsync(DataRole.Viewer, "本人 own key (switch)");
        var sent = await fixture.CreateKeyAsync(DataRole.Planner, "链接 link sender (switch)");
        await using var map = await fixture.OpenWithKeyAsync(own);
        var before = map.Calls.Count;

        // The link opened in the tab that shows the map: only the fragment changes (hashchange).
        await map.RunAndWaitForLoadAsync(() => map.Page.EvaluateAsync("k => { location.hash = 'key=' + encodeURIComponent(k); }", sent));
        await map.WaitForSwitchAsync();
        Assert.DoesNotContain("key=", map.Page.Url);
        Assert.Null(await map.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('planning.linkKey')")); // handed over, taken out
        Assert.Equal(own, await map.StoredKeyAsync());
        var text = await map.Page.InnerTextAsync("#switch-text");
        Assert.Contains("链接 link sender (switch)", text);
        Assert.Contains("本人 own key (switch)", text);

        await map.Page.ClickAsync("#switch-accept");
        await map.WaitReadyAsync();

        var auth = await map.AuthAsync();
        Assert.Equal("planner", auth.Role);
        Assert.Equal("链接 link sender (switch)", auth.Name);
        Assert.Contains("链接 link sender (switch)", await map.Page.InnerTextAsync("#whoami"));
        Assert.Equal(sent, await map.StoredKeyAsync());
        var data = map.Calls.Skip(before).Where(c => c.Method != WhoAmI).ToList();
        Assert.NotEmpty(data);
        Assert.All(data, c => Assert.Equal($"Bearer {sent}", c.Authorization));
        await map.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task A_link_with_a_refused_key_keeps_the_valid_stored_key_and_says_the_link_was_refused()
    {
        var bad = "pln_" + new string('B', 43); // well-formed, but no such key
        await using var map = await fixture.OpenAsync();
        await map.RecordKeyWritesAsync();
        await map.Page.GotoAsync("about:blank");
        var before = map.Calls.Count;

        await map.Page.GotoAsync(fixture.AddressWith(key: bad));
        await map.WaitReadyAsync();

        var auth = await map.AuthAsync();
        Assert.True(auth.SignedIn);
        Assert.Equal("admin", auth.Role);
        Assert.Equal(fixture.Server.AdminKey, await map.StoredKeyAsync());
        Assert.Empty(await map.KeyWritesAsync());
        Assert.DoesNotContain("key=", map.Page.Url);
        var notice = await map.Page.InnerTextAsync("#notice-text");
        Assert.Contains(LinkRefused, notice);
        Assert.Contains("the API key is unknown or has been revoked", notice);
        Assert.Contains("still signed in as test admin", notice);
        Assert.Equal(notice, auth.Notice);
        Assert.False(await map.Page.Locator("#signin").IsVisibleAsync());
        Assert.False(await map.Page.Locator("#switch").IsVisibleAsync());
        Assert.Equal(new ApiCall(WhoAmI, $"Bearer {bad}"), map.Calls[before]);
        Assert.All(map.Calls.Skip(before + 1), c => Assert.Equal($"Bearer {fixture.Server.AdminKey}", c.Authorization));
        Log(await map.ScreenshotAsync("sign-in-link-refused-signed-in"));

        await map.Page.ClickAsync("#notice-close");
        Assert.False(await map.Page.Locator("#notice").IsVisibleAsync());
        await map.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task A_link_with_a_refused_key_and_nothing_stored_shows_UNAUTHENTICATED_and_never_stores_the_key()
    {
        var bad = "pln_" + new string('C', 43);
        await using var map = await fixture.NewPageAsync();
        await map.RecordKeyWritesAsync();

        await map.Page.GotoAsync(fixture.AddressWith(key: bad));
        await map.WaitForSignInAsync();
        await map.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Empty(await map.KeyWritesAsync()); // not stored for a moment and forgotten: never stored
        Assert.Null(await map.StoredKeyAsync());
        Assert.Equal([new ApiCall(WhoAmI, $"Bearer {bad}")], map.Calls);
        var error = await map.Page.InnerTextAsync("#signin-error");
        Assert.Contains(LinkRefused, error);
        Assert.Contains("the API key is unknown or has been revoked", error);
        Assert.Equal("", await map.Page.InputValueAsync("#signin-key"));
        Assert.DoesNotContain("key=", map.Page.Url);
        Assert.Equal(0, await map.CatchmentCountAsync());
        await map.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task A_refused_key_is_forgotten_only_while_it_is_still_the_stored_key()
    {
        // At start-up: the stored key's check is refused after another tab stored the admin key.
        const string name = "refused while another tab signs in";
        var refused = await fixture.CreateKeyAsync(DataRole.Viewer, name);
        await using var map = await fixture.OpenWithKeyAsync(refused);
        await RevokeAsync(name);
        await map.StoreKeyWhileACallIsOnItsWayAsync(m => m == WhoAmI, fixture.Server.AdminKey);
        var before = map.Calls.Count;

        await map.Page.ReloadAsync();
        await map.WaitReadyAsync(); // not the sign-in panel: the other tab's key survived and is used

        Assert.Equal(new ApiCall(WhoAmI, $"Bearer {refused}"), map.Calls[before]);
        Assert.Equal(fixture.Server.AdminKey, await map.StoredKeyAsync());
        Assert.Equal("admin", (await map.AuthAsync()).Role);
        Assert.All(map.Calls.Skip(before + 1), c => Assert.Equal($"Bearer {fixture.Server.AdminKey}", c.Authorization));

        // While the map is shown: a call with the page's key is refused after another tab stored the admin key.
        const string second = "refused during a call while another tab signs in";
        var refusedLater = await fixture.CreateKeyAsync(DataRole.Viewer, second);
        await using var map2 = await fixture.OpenWithKeyAsync(refusedLater);
        // The other tab's store is in place before the key is revoked: no call of the page can be refused before it.
        await map2.StoreKeyWhileACallIsOnItsWayAsync(m => m != WhoAmI, fixture.Server.AdminKey);
        await RevokeAsync(second);
        before = map2.Calls.Count;

        // The page starts again with the key stored now.
        await map2.RunAndWaitForLoadAsync(() => map2.Page.CheckAsync("#part-junior"));
        await map2.WaitReadyAsync();

        Assert.Equal($"Bearer {refusedLater}", map2.Calls[before].Authorization);
        Assert.Equal(fixture.Server.AdminKey, await map2.StoredKeyAsync());
        Assert.Equal("admin", (await map2.AuthAsync()).Role);
    }
}
