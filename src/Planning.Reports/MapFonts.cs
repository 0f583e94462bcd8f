using SkiaSharp;

namespace Planning.Reports;

/// <summary>Finds a typeface with the Chinese glyphs the map needs (no tofu boxes), or fails clearly.</summary>
public static class MapFonts
{
    /// <summary>Debian's fonts-noto-cjk, used when the font manager finds no CJK family.</summary>
    public const string NotoCjkPath = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

    private static readonly string[] Families = ["Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "Noto Sans CJK JP"];

    /// <summary>A typeface that has a glyph for every character of <paramref name="texts"/>.</summary>
    /// <exception cref="MissingFontException">No installed font has them all.</exception>
    public static SKTypeface Resolve(IEnumerable<string> texts)
    {
        var needed = new string(texts.SelectMany(t => t).Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).Distinct().ToArray());
        foreach (var candidate in Candidates())
        {
            if (candidate is not null && HasGlyphs(candidate, needed))
            {
                return candidate;
            }
            candidate?.Dispose();
        }
        var missing = new string(needed.Where(c => c > 127).Take(20).ToArray());
        throw new MissingFontException(
            $"no installed font has the glyphs of the map's Chinese labels (e.g. '{missing}'); "
            + "install a CJK font, e.g. Debian's fonts-noto-cjk (apt-get install fonts-noto-cjk)");
    }

    /// <summary>True when the typeface has a glyph for every character of <paramref name="text"/>.</summary>
    public static bool HasGlyphs(SKTypeface typeface, string text)
    {
        using var font = new SKFont(typeface);
        return font.ContainsGlyphs(text);
    }

    private static IEnumerable<SKTypeface?> Candidates()
    {
        var manager = SKFontManager.Default;
        foreach (var family in Families)
        {
            var typeface = manager.MatchFamily(family);
            if (typeface is not null && typeface.FamilyName == family)
            {
                yield return typeface;
            }
            else
            {
                typeface?.Dispose();
            }
        }
        yield return manager.MatchCharacter(null, ["zh-Hans", "zh"], '宝');
        yield return manager.MatchCharacter('宝');
        if (File.Exists(NotoCjkPath))
        {
            for (var index = 0; index < 5; index++)
            {
                yield return SKTypeface.FromFile(NotoCjkPath, index);
            }
        }
    }
}

/// <summary>No font can draw the labels.</summary>
public sealed class MissingFontException(string message) : Exception(message);
