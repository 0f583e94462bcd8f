using Planning.Client.Api;
using Spectre.Console;

namespace Planning.Cli.Output;

/// <summary>A what-if answer as tables: schools before → after, the moved areas, the catchments' pieces.</summary>
internal static class PlannerTables
{
    public static void Show(IAnsiConsole console, WhatIfResult r)
    {
        console.MarkupLineInterpolated(
            $"[bold]{r.Term}[/]: {r.PupilsMoved:N0} pupils would move; mean travel {r.MeanDistanceBeforeM:N0} → {r.MeanDistanceAfterM:N0} m, longest {r.MaxDistanceBeforeM:N0} → {r.MaxDistanceAfterM:N0} m");
        var schools = new Table().Border(TableBorder.Rounded).Title("schools").AddColumn("school").AddColumn("name");
        foreach (var header in new[] { "students", "limit", "grades over seats", "violations" })
        {
            schools.AddColumn(new TableColumn(header).RightAligned());
        }
        foreach (var s in r.Schools)
        {
            var over = Enumerable.Range(0, 9).Where(g => s.After.Enrolment[g] > s.Seats[g]).Select(g => $"{g + 1}").ToList();
            schools.AddRow(new Text(s.SchoolCode), new Text(s.SchoolName),
                new Text($"{s.Before.Total:N0} → {s.After.Total:N0}", s.After.Total > s.After.SizeLimit ? new Style(Color.Red) : Style.Plain),
                new Text($"{s.After.SizeLimit:N0}"), new Text(string.Join(" ", over), new Style(Color.Red)),
                new Text($"{s.ViolationsBefore.Count} → {s.ViolationsAfter.Count}", s.ViolationsAfter.Count > s.ViolationsBefore.Count ? new Style(Color.Red) : Style.Plain));
        }
        console.Write(schools);

        var areas = new Table().Border(TableBorder.Rounded).Title("moves").AddColumn("area").AddColumn("level").AddColumn("from").AddColumn("to")
            .AddColumn(new TableColumn("pupils").RightAligned()).AddColumn(new TableColumn("moved").RightAligned())
            .AddColumn(new TableColumn("distance m").RightAligned());
        foreach (var a in r.Areas)
        {
            areas.AddRow(a.AreaCode, Names.Of(a.Part), a.FromSchoolCode, a.ToSchoolCode, $"{a.Pupils:N0}", $"{a.PupilsMoved:N0}",
                $"{a.DistanceBeforeM:N0} → {a.DistanceAfterM:N0}");
        }
        console.Write(areas);

        if (!r.AdjacencyKnown)
        {
            console.MarkupLine("[grey]this run was stored without the areas' adjacency: contiguity is not known[/]");
            return;
        }
        foreach (var c in r.Catchments.Where(c => !c.Contiguous))
        {
            console.MarkupLineInterpolated(
                $"[yellow]not contiguous:[/] {c.SchoolCode} ({Names.Of(c.Part)}) in {c.PartsAfter} pieces; cut off: {string.Join("; ", c.EnclavesAfter.Select(e => string.Join(", ", e.AreaCodes)))}");
        }
    }
}
