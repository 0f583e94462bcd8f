using Planning.Client.Api;
using Spectre.Console;

namespace Planning.Cli.Output;

internal static class AssessmentTables
{
    public static string IndicatorName(Indicator indicator) => indicator switch
    {
        Indicator.DegreeTeachers => "degree teachers /100",
        Indicator.BackboneTeachers => "backbone teachers /100",
        Indicator.PeArtTeachers => "PE/art teachers /100",
        Indicator.FloorArea => "floor area m²/student",
        Indicator.SportsArea => "sports area m²/student",
        Indicator.EquipmentValue => "equipment ¥/student",
        Indicator.MultimediaRooms => "multimedia rooms /100",
        _ => Names.Of(indicator),
    };

    public static void District(IAnsiConsole console, DistrictAssessment d)
    {
        // MarkupLineInterpolated escapes its holes, so the verdict's colour goes in the format itself.
        if (d.Passes)
        {
            console.MarkupLineInterpolated($"{d.Term}: [green]passes[/] the standard for high-quality balanced compulsory education");
        }
        else
        {
            console.MarkupLineInterpolated($"{d.Term}: [red]does not pass[/] the standard for high-quality balanced compulsory education");
        }
        foreach (var part in d.Parts)
        {
            var table = new Table().Border(TableBorder.Rounded)
                .Title($"{Names.Of(part.Part)}: {part.SchoolsMeetingAll} of {part.Schools} school parts meet every item")
                .AddColumn("indicator").AddColumn(new TableColumn("coefficient").RightAligned())
                .AddColumn(new TableColumn("ceiling").RightAligned()).AddColumn("met").AddColumn("largest contributors, or why undefined");
            foreach (var c in part.Coefficients)
            {
                table.AddRow(new Text(IndicatorName(c.Indicator)), new Text(c.Defined ? Digits.Enough(c.Value, c.Ceiling) : "undefined"),
                    new Text($"{c.Ceiling:0.00}"), c.Defined ? Met(c.Met) : new Text("—", new Style(Color.Yellow)),
                    new Text(c.Defined ? string.Join(", ", c.TopContributors.Take(5)) : c.UndefinedReason));
            }
            console.Write(table);
        }
    }

    public static void School(IAnsiConsole console, SchoolAssessment s)
    {
        foreach (var part in s.Parts)
        {
            var table = new Table().Border(TableBorder.Rounded)
                .Title($"{s.SchoolCode} {s.SchoolName} — {Names.Of(part.Part)}, {part.Students:N0} students")
                .AddColumn("indicator").AddColumn(new TableColumn("value").RightAligned()).AddColumn(new TableColumn("threshold").RightAligned())
                .AddColumn("met").AddColumn("to do");
            foreach (var i in part.Indicators)
            {
                table.AddRow(new Text(IndicatorName(i.Indicator)), new Text(Digits.Enough(i.Value, i.Threshold, 2)), new Text($"{i.Threshold:0.##}"), Met(i.Met),
                    new Text(i.GapText));
            }
            table.Caption($"6 of 7: {(part.SixOfSeven ? "yes" : "no")}; size: {(part.SizeOk ? "ok" : "over")}; classes: {(part.ClassesOk ? "ok" : "over")}");
            console.Write(table);
        }
    }

    private static Text Met(bool met) => met ? new Text("yes", new Style(Color.Green)) : new Text("no", new Style(Color.Red));
}
