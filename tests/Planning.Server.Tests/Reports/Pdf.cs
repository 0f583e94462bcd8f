using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Planning.Server.Tests.Infrastructure;

namespace Planning.Server.Tests.Reports;

/// <summary>A word of a PDF page and the box pdftotext finds it in (points, origin top left).</summary>
public sealed record PdfWord(int Page, string Text, double XMin, double YMin, double XMax, double YMax, double PageWidth, double PageHeight);

/// <summary>
/// What a PDF says, read by Debian's poppler-utils (pdftotext, pdfinfo) as a reader of the file would:
/// its text layer, its pages' sizes, and where each word lies. Fails loudly when poppler-utils is
/// missing (scripts/prereqs test installs it).
/// </summary>
public static partial class Pdf
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    /// <summary>The text layer, laid out as on the page.</summary>
    public static Task<string> TextAsync(string path, int? first = null, int? last = null) =>
        ChildProcess.RunAsync("pdftotext", [.. Range(first, last), "-layout", "-enc", "UTF-8", path, "-"], new Dictionary<string, string>(), Timeout);

    /// <summary>Each page's text, in order.</summary>
    public static async Task<IReadOnlyList<string>> PagesAsync(string path) => (await TextAsync(path)).Split('\f')[..^1];

    /// <summary>Each page's size in points.</summary>
    public static async Task<IReadOnlyList<(double Width, double Height)>> PageSizesAsync(string path)
    {
        var info = await ChildProcess.RunAsync("pdfinfo", ["-f", "1", "-l", "9999", path], new Dictionary<string, string>(), Timeout);
        return [.. PageSize().Matches(info).Select(m => (Parse(m.Groups[1].Value), Parse(m.Groups[2].Value)))];
    }

    /// <summary>Every word with its box.</summary>
    public static async Task<IReadOnlyList<PdfWord>> WordsAsync(string path)
    {
        var html = await ChildProcess.RunAsync("pdftotext", ["-bbox", "-enc", "UTF-8", path, "-"], new Dictionary<string, string>(), Timeout);
        var document = XDocument.Parse(Doctype().Replace(html, ""));
        return [.. document.Descendants().Where(e => e.Name.LocalName == "page").SelectMany((page, i) => page.Elements()
            .Where(e => e.Name.LocalName == "word")
            .Select(w => new PdfWord(i + 1, w.Value, Attr(w, "xMin"), Attr(w, "yMin"), Attr(w, "xMax"), Attr(w, "yMax"),
                Attr(page, "width"), Attr(page, "height"))))];
    }

    private static IEnumerable<string> Range(int? first, int? last) =>
        [.. first is { } f ? new[] { "-f", $"{f}" } : [], .. last is { } l ? new[] { "-l", $"{l}" } : []];

    private static double Attr(XElement e, string name) => Parse((string)e.Attribute(name)!);

    private static double Parse(string value) => double.Parse(value, CultureInfo.InvariantCulture);

    [GeneratedRegex("<!DOCTYPE[^>]*>")]
    private static partial Regex Doctype();

    [GeneratedRegex(@"Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+) pts")]
    private static partial Regex PageSize();
}
