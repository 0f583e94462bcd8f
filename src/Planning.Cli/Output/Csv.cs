using System.Globalization;
using System.Text;

namespace Planning.Cli.Output;

/// <summary>RFC 4180 CSV, UTF-8 with BOM so that Excel keeps the Chinese names intact.</summary>
internal static class Csv
{
    public static void Write(string path, IEnumerable<string> header, IEnumerable<IEnumerable<object?>> rows)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        writer.Write(Line(header));
        foreach (var row in rows)
        {
            writer.Write(Line(row));
        }
    }

    private static string Line(IEnumerable<object?> values) =>
        string.Join(',', values.Select(v => Quote(Convert.ToString(v, CultureInfo.InvariantCulture) ?? ""))) + "\r\n";

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}
