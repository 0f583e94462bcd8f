using System.Text;

namespace Planning.DataGen.Sources;

/// <summary>Minimal CSV reading: comma separated, double quotes around fields that need them.</summary>
public static class CsvLines
{
    public static IReadOnlyList<Dictionary<string, string>> ReadRecords(string path)
    {
        var lines = File.ReadAllLines(path, Encoding.UTF8).Where(l => l.Length > 0).ToList();
        var header = SplitLine(lines[0]);
        var records = new List<Dictionary<string, string>>();
        foreach (var line in lines.Skip(1))
        {
            var fields = SplitLine(line);
            var record = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                record[header[i]] = i < fields.Count ? fields[i] : string.Empty;
            }

            records.Add(record);
        }

        return records;
    }

    public static List<string> SplitLine(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString().TrimEnd('\r'));
        return fields;
    }
}
