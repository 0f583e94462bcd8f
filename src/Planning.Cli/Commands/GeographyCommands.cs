using System.CommandLine;
using Planning.Cli.Output;
using Spectre.Console;

namespace Planning.Cli.Commands;

/// <summary>planning admin-areas, planning district.</summary>
internal static class GeographyCommands
{
    public static Command AdminAreas(CommandActions actions)
    {
        var kind = OptionFactory.Choice("--kind", "Only streets or only towns", Names.AdminKinds);
        var command = new Command("admin-areas", "Streets (街道) and towns (镇), ordered by code") { kind };
        actions.Bind(command, async run =>
        {
            var areas = await run.Client.ListAdminAreasAsync(run.Value(kind), ct: run.Cancellation);
            if (run.Json)
            {
                run.WriteJson(areas);
                return ExitCodes.Ok;
            }
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn("code").AddColumn("name").AddColumn("kind")
                .AddColumn(new TableColumn("population").RightAligned()).AddColumn("boundary");
            foreach (var a in areas)
            {
                table.AddRow(new Text(a.Code), new Text(a.Name), new Text(Names.Of(a.Kind)), new Text($"{a.Population:N0}"),
                    new Text(a.Approximate ? "approximate" : "surveyed"));
            }
            table.Caption($"{areas.Count} areas, {areas.Sum(a => a.Population):N0} residents");
            run.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command District(CommandActions actions)
    {
        var command = new Command("district", "The district: code, name, population and area");
        actions.Bind(command, async run =>
        {
            var d = await run.Client.GetDistrictAsync(ct: run.Cancellation);
            if (run.Json)
            {
                run.WriteJson(d with { GeometryGeoJson = "" });
                return ExitCodes.Ok;
            }
            var grid = new Grid().AddColumn().AddColumn();
            grid.AddRow(new Text("code", new Style(Color.Grey)), new Text(d.Code));
            grid.AddRow(new Text("name", new Style(Color.Grey)), new Text(d.Name));
            grid.AddRow(new Text("population", new Style(Color.Grey)), new Text($"{d.Population:N0}"));
            grid.AddRow(new Text("area", new Style(Color.Grey)), new Text($"{d.AreaKm2:N1} km²"));
            run.Console.Write(new Panel(grid).Header("district").Border(BoxBorder.Rounded));
            return ExitCodes.Ok;
        });
        return command;
    }
}
