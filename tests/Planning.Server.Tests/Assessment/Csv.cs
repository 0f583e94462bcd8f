using System.Text;

namespace Planning.Server.Tests.Assessment;

/// <summary>A strict RFC 4180 reader for the exported CSV (quoted fields may hold commas, quotes and line breaks).</summary>
public static class Csv
{
    public static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                Assert.False(c is '"' or '\n' or '\r', $"stray {(int)c} at {i}");
                field.Append(c);
            }
        }
        Assert.False(quoted, "unterminated quoted field");
        Assert.True(row.Count == 0 && field.Length == 0, "the last row must end with CRLF");
        return rows;
    }
}
