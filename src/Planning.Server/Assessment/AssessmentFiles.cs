using System.Text;
using System.Xml;

namespace Planning.Server.Assessment;

/// <summary>The exported assessment as CSV (UTF-8 with BOM) or SpreadsheetML 2003 (one worksheet per part).</summary>
public static class AssessmentFiles
{
    private const string Ss = "urn:schemas-microsoft-com:office:spreadsheet";

    /// <summary>RFC 4180 CSV with CRLF line ends and a BOM, so that Excel keeps the Chinese names intact.</summary>
    public static byte[] Csv(string term, IReadOnlyList<AssessmentLine> lines)
    {
        var text = new StringBuilder();
        text.Append(string.Join(",", AssessmentTable.Header.Select(Quote))).Append("\r\n");
        foreach (var line in lines)
        {
            text.Append(string.Join(",", AssessmentTable.Cells(term, line).Select(c => Quote(AssessmentTable.Text(c))))).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>
    /// An Excel 2003 XML workbook: a "小学 Primary" and a "初中 Junior" worksheet (each with its
    /// level's coefficients and verdict after the schools), and a "全区 District" worksheet with the verdict.
    /// </summary>
    public static byte[] SpreadsheetXml(string term, IReadOnlyList<AssessmentLine> lines)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteProcessingInstruction("mso-application", "progid=\"Excel.Sheet\"");
            xml.WriteStartElement("Workbook", Ss);
            xml.WriteAttributeString("xmlns", "ss", null, Ss);
            foreach (var (part, title) in new (Engine.Rules.SchoolPart?, string)[]
                     { (Engine.Rules.SchoolPart.Primary, "小学 Primary"), (Engine.Rules.SchoolPart.Junior, "初中 Junior"), (null, "全区 District") })
            {
                xml.WriteStartElement("Worksheet", Ss);
                xml.WriteAttributeString("Name", Ss, title);
                xml.WriteStartElement("Table", Ss);
                Row(xml, AssessmentTable.Header);
                foreach (var line in lines.Where(l => l.Part == part))
                {
                    Row(xml, AssessmentTable.Cells(term, line));
                }
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return stream.ToArray();
    }

    private static void Row(XmlWriter xml, IEnumerable<object> cells)
    {
        xml.WriteStartElement("Row", Ss);
        foreach (var cell in cells)
        {
            xml.WriteStartElement("Cell", Ss);
            xml.WriteStartElement("Data", Ss);
            xml.WriteAttributeString("Type", Ss, cell is double or int ? "Number" : "String");
            xml.WriteString(AssessmentTable.Text(cell));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
