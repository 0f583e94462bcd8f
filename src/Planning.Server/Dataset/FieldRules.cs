using System.Globalization;
using NetTopologySuite.Geometries;
using Planning.Server.Common;

namespace Planning.Server.Dataset;

/// <summary>
/// The rules of the base data's fields, each written once and called by every write path: the
/// import (PropertyReader, field names of docs/dataset-format.md), the upserts and the schools and
/// areas a scenario adds (the mappings, field names of the contract). A value one path takes, every
/// path takes.
/// </summary>
public static class FieldRules
{
    /// <summary>Longest code (district, admin area, school, residential area).</summary>
    public const int MaxCodeLength = 32;

    /// <summary>Longest name.</summary>
    public const int MaxNameLength = 100;

    /// <summary>Most tracks (parallel classes per grade) of a part of a school, or added by one expansion.</summary>
    public const int MaxTracks = 40;

    /// <summary>Most pupils a school enrols in one grade.</summary>
    public const int MaxEnrolmentPerGrade = 10_000;

    /// <summary>Most pupils of one grade living in one residential area.</summary>
    public const int MaxStudentsPerGrade = 100_000;

    /// <summary>Longest occupancy ramp, in terms.</summary>
    public const int MaxRampTerms = 50;

    /// <summary>
    /// Most vertices of one feature's geometry. A district outline of 10 m detail round 150 km of border
    /// has 15,000; Baodi's has 1,591 and its largest area 108. About 600 KB of GeoJSON, so a page of
    /// features stays far below the largest message.
    /// </summary>
    public const int MaxFeatureVertices = 20_000;

    /// <summary>Most vertices of all geometries of one upload (Baodi's four layers: 12,000).</summary>
    public const int MaxUploadVertices = 1_000_000;

    /// <summary>
    /// A code: 1–32 ASCII letters, digits, '-', '_' or '.', beginning with a letter or digit. Codes
    /// identify features across files and calls, so a code that only looks like another ("BD-P-006" with
    /// a zero-width space, or with a Cyrillic "В") must not be a second feature. Returns it trimmed.
    /// </summary>
    public static string Code(string value, string field, Problems problems)
    {
        var code = value.Trim();
        if (code.Length == 0)
        {
            problems.Add(field, "is required");
        }
        else if (code.Length > MaxCodeLength)
        {
            problems.Add(field, $"must be at most {MaxCodeLength} characters, not {code.Length}");
        }
        else if (FirstBadCodeCharacter(code) is { } bad)
        {
            problems.Add(field, $"may hold only A–Z, a–z, 0–9, '-', '_' and '.', beginning with a letter or digit; " +
                                $"character {bad + 1} is {Describe(code, bad)}");
        }
        return code;
    }

    /// <summary>A name: required, at most 100 characters, no control characters or broken (lone-surrogate) text. Returns it trimmed.</summary>
    public static string Name(string value, string field, Problems problems)
    {
        var name = value.Trim();
        if (name.Length == 0)
        {
            problems.Add(field, "is required");
        }
        else if (!Checks.IsWellFormed(name))
        {
            problems.Add(field, "is not valid Unicode text (it holds a lone UTF-16 surrogate such as \\ud800)");
        }
        else if (name.Any(char.IsControl))
        {
            problems.Add(field, "must not contain control characters");
        }
        else if (name.Length > MaxNameLength)
        {
            problems.Add(field, $"must be at most {MaxNameLength} characters, not {name.Length}");
        }
        return name;
    }

    /// <summary>A count of people or households: a whole number from 0 to <paramref name="max"/>.</summary>
    public static void Count(long value, long max, string field, Problems problems) =>
        Checks.Range(value, 0, max, field, problems);

    /// <summary>Tracks of a part of a school, from 0 to <see cref="MaxTracks"/>.</summary>
    public static void Tracks(long value, string field, Problems problems) =>
        Checks.Range(value, 0, MaxTracks, field, problems);

    /// <summary>A school's enrolment of one grade, from 0 to <see cref="MaxEnrolmentPerGrade"/>.</summary>
    public static void Enrolment(long value, string field, Problems problems) =>
        Checks.Range(value, 0, MaxEnrolmentPerGrade, field, problems);

    /// <summary>An area's pupils of one grade, from 0 to <see cref="MaxStudentsPerGrade"/>.</summary>
    public static void Students(long value, string field, Problems problems) =>
        Checks.Range(value, 0, MaxStudentsPerGrade, field, problems);

    /// <summary>Per-grade figures come as nine values, grade 1 first (or none where they are optional).</summary>
    public static bool GradeCount(int count, bool optional, string field, Problems problems)
    {
        if (count == 9 || (optional && count == 0))
        {
            return true;
        }
        problems.Add(field, $"must have 9 values (grades 1–9){(optional ? " or none" : "")}, not {count}");
        return false;
    }

    /// <summary>An occupancy ramp: 1–50 fractions in [0, 1], one a term from occupied_from on.</summary>
    public static void Ramp(IReadOnlyList<double> ramp, string field, Problems problems)
    {
        if (ramp.Count is 0 or > MaxRampTerms)
        {
            problems.Add(field, $"must hold 1–{MaxRampTerms} fractions in [0, 1] (one a term), not {ramp.Count}");
            return;
        }
        for (var i = 0; i < ramp.Count; i++)
        {
            if (!double.IsFinite(ramp[i]) || ramp[i] is < 0 or > 1)
            {
                problems.Add($"{field}[{i}]", $"must be a fraction in [0, 1], not {ramp[i].ToString(CultureInfo.InvariantCulture)}");
            }
        }
    }

    /// <summary>A geometry's coordinates: longitude and latitude only (no height), at most <see cref="MaxFeatureVertices"/>.</summary>
    public static bool Geometry(Geometry geometry, string field, Problems problems)
    {
        if (geometry.NumPoints > MaxFeatureVertices)
        {
            problems.Add(field, $"has {geometry.NumPoints:N0} vertices; a feature may have at most {MaxFeatureVertices:N0} (simplify it first)");
            return false;
        }
        if (geometry.Coordinates.Any(c => !double.IsNaN(c.Z) || !double.IsNaN(c.M)))
        {
            problems.Add(field, "has positions with a third value (a height); positions must be [longitude, latitude]");
            return false;
        }
        return true;
    }

    private static int? FirstBadCodeCharacter(string code)
    {
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            var ok = char.IsAsciiLetterOrDigit(c) || (i > 0 && c is '-' or '_' or '.');
            if (!ok)
            {
                return i;
            }
        }
        return null;
    }

    private static string Describe(string text, int index)
    {
        var c = text[index];
        var codePoint = char.IsSurrogatePair(text, index) ? char.ConvertToUtf32(text, index) : c;
        var shown = char.IsControl(c) || char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format
            ? "" : $"\"{char.ConvertFromUtf32(char.IsSurrogate(c) && !char.IsSurrogatePair(text, index) ? 0xFFFD : codePoint)}\" ";
        return string.Create(CultureInfo.InvariantCulture, $"{shown}U+{codePoint:X4}");
    }
}
