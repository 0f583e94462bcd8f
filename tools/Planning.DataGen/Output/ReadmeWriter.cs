using System.Globalization;
using System.Reflection;
using Planning.DataGen.Model;

namespace Planning.DataGen.Output;

/// <summary>data/geo/README.md: the text of ReadmeTemplate.md with the seed, the synthetic seats and the summary table filled in.</summary>
public static class ReadmeWriter
{
    private const string TemplateResource = "Planning.DataGen.ReadmeTemplate.md";

    public static string Render(Dataset dataset)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(TemplateResource)
            ?? throw new InvalidOperationException($"missing embedded resource {TemplateResource}");
        using var reader = new StreamReader(stream);
        var template = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
        return template
            .Replace("{{SEED}}", dataset.Seed.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{{SYNTHETIC_SEATS}}", SyntheticSeats(dataset), StringComparison.Ordinal)
            .Replace("{{SUMMARY}}", DatasetSummary.Compute(dataset).ToMarkdown().TrimEnd('\n'), StringComparison.Ordinal);
    }

    private static string SyntheticSeats(Dataset dataset) =>
        string.Join(", ", dataset.AdminAreas.Where(a => a.SeatIsSynthetic).Select(a =>
            $"{a.Name} ({FixedDecimal.Format(a.Seat.X, 6)} E, {FixedDecimal.Format(a.Seat.Y, 6)} N)"));
}
