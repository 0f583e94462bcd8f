namespace Planning.Engine.Rules;

/// <summary>
/// Whom a resource entry serves: one part of a school, or the whole of a nine-year school
/// (DOMAIN.md, "Nine-year schools are split": per-part resources are used as given, shared ones
/// are apportioned to the parts by pupils, see <see cref="Standard.JuniorPupilWeight"/>).
/// </summary>
public enum ResourcePart
{
    /// <summary>The primary part (grades 1–6).</summary>
    Primary,

    /// <summary>The junior part (grades 7–9).</summary>
    Junior,

    /// <summary>Both parts of a nine-year school, apportioned term by term.</summary>
    Shared,
}

/// <summary>Between <see cref="ResourcePart"/> and <see cref="SchoolPart"/>.</summary>
public static class ResourceParts
{
    /// <summary>The entry part that serves only <paramref name="part"/>.</summary>
    public static ResourcePart Of(SchoolPart part) => part == SchoolPart.Primary ? ResourcePart.Primary : ResourcePart.Junior;

    /// <summary>The school part <paramref name="part"/> serves alone, or null for shared resources.</summary>
    public static SchoolPart? Serves(ResourcePart part) => part switch
    {
        ResourcePart.Primary => SchoolPart.Primary,
        ResourcePart.Junior => SchoolPart.Junior,
        _ => null,
    };

    /// <summary>True when a school of <paramref name="level"/> may hold an entry for <paramref name="part"/>: shared only in a nine-year school.</summary>
    public static bool Allowed(SchoolLevel level, ResourcePart part) => part switch
    {
        ResourcePart.Primary => level != SchoolLevel.Junior,
        ResourcePart.Junior => level != SchoolLevel.Primary,
        _ => level == SchoolLevel.NineYear,
    };
}
