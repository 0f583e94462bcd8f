using System.CommandLine;
using Planning.Client.Api;
using Planning.Cli.Output;
using Spectre.Console;

namespace Planning.Cli.Commands;

/// <summary>planning areas list|show — residential compounds and villages.</summary>
internal static class AreaCommands
{
    public static Command Create(CommandActions actions)
    {
        var command = new Command("areas", "Residential compounds (小区) and villages (村)");
        command.Subcommands.Add(List(actions));
        command.Subcommands.Add(Show(actions));
        return command;
    }

    private static Command List(CommandActions actions)
    {
        var kind = OptionFactory.Choice("--kind", "Only compounds or only villages", Names.AreaKinds);
        var adminArea = new Option<string?>("--admin-area") { Description = "Only areas in this street or town (code)", HelpName = "CODE" };
        var bbox = OptionFactory.Bbox();
        var school = new Option<string?>("--school") { Description = "Only areas whose current primary or junior school has this code", HelpName = "CODE" };
        var pageSize = OptionFactory.PageSize();
        var pageToken = OptionFactory.PageToken();
        var all = OptionFactory.All();
        var command = new Command("list", "Residential areas matching the filters, ordered by code")
        {
            kind, adminArea, bbox, school, pageSize, pageToken, all,
        };
        actions.Bind(command, async run =>
        {
            var filter = new ResidentialAreaFilter(run.Value(kind), run.Value(adminArea), run.Value(bbox), run.Value(school));
            var page = run.Value(all)
                ? await Paging.AllAsPage(run.Client.ListAllResidentialAreasAsync(filter, run.Cancellation))
                : await run.Client.ListResidentialAreasAsync(
                    filter, new PageRequest(run.Value(pageSize), run.Value(pageToken) ?? ""), run.Cancellation);
            if (run.Json)
            {
                run.WriteJson(page);
                return ExitCodes.Ok;
            }
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn("code").AddColumn("name").AddColumn("kind").AddColumn("admin area")
                .AddColumn(new TableColumn("population").RightAligned()).AddColumn(new TableColumn("students").RightAligned())
                .AddColumn("occupied from").AddColumn("primary school").AddColumn("junior school");
            foreach (var a in page.Items)
            {
                table.AddRow(new Text(a.Code), new Text(a.Name), new Text(Names.Of(a.Kind)), new Text(a.AdminAreaCode),
                    new Text($"{a.Population:N0}"), new Text(a.Students.Count == 0 ? "–" : $"{a.Students.Sum():N0}"),
                    new Text(a.OccupiedFrom), new Text(a.SchoolPrimaryCode), new Text(a.SchoolJuniorCode));
            }
            run.Console.Write(table);
            Paging.WriteFooter(run.Console, page, "areas");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(CommandActions actions)
    {
        var code = new Argument<string>("code") { Description = "Area code" };
        var command = new Command("show", "One residential area") { code };
        actions.Bind(command, async run =>
        {
            var a = await run.Client.GetResidentialAreaAsync(run.Value(code), run.Cancellation);
            if (run.Json)
            {
                run.WriteJson(a);
                return ExitCodes.Ok;
            }
            var grid = new Grid().AddColumn().AddColumn();
            void Row(string key, string value) => grid.AddRow(new Text(key, new Style(Color.Grey)), new Text(value));
            Row("code", a.Code);
            Row("name", a.Name);
            Row("kind", Names.Of(a.Kind));
            Row("admin area", a.AdminAreaCode);
            Row("population", $"{a.Population:N0} ({a.Households:N0} households)");
            Row("occupied from", a.OccupiedFrom.Length == 0 ? "before the base term" : a.OccupiedFrom);
            Row("occupancy ramp", a.OccupancyRamp.Count == 0 ? "fully occupied" : string.Join(" → ", a.OccupancyRamp.Select(r => $"{r:P0}")));
            Row("students by grade", a.Students.Count == 0 ? "unknown (from the 千人指标 norm)" : string.Join(" ", a.Students));
            Row("primary school", a.SchoolPrimaryCode);
            Row("junior school", a.SchoolJuniorCode);
            Row("centroid", $"{a.CentroidLon:0.000000}, {a.CentroidLat:0.000000}");
            Row("version", $"{a.Version}");
            run.Console.Write(new Panel(grid).Header($"area {a.Code}").Border(BoxBorder.Rounded));
            return ExitCodes.Ok;
        });
        return command;
    }
}
