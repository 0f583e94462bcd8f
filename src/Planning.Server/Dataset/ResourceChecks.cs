using System.Globalization;
using Planning.Engine.Rules;
using Planning.Server.Common;

namespace Planning.Server.Dataset;

/// <summary>
/// A school's resource entries (docs/dataset-format.md, "resources"), checked wherever a school is
/// written (import, UpsertSchool, a scenario's new school): each entry serves a part the school has,
/// shared entries only in a nine-year school, and a nine-year school's resources can be split, that
/// is each part has an entry of its own or a shared one from the school's first resource term on
/// (DOMAIN.md, "Nine-year schools are split"). Amounts are checked where they are read.
/// </summary>
internal static class ResourceChecks
{
    public static void Check(SchoolFeature school, string path, Problems problems)
    {
        for (var i = 0; i < school.Resources.Count; i++)
        {
            var part = school.Resources[i].Part;
            if (!ResourceParts.Allowed(school.Level, part))
            {
                problems.Add($"{path}.resources[{i}].part", part == ResourcePart.Shared
                    ? "only a nine-year school shares resources between parts: give them to its only part"
                    : $"the school does not have a {part.ToString().ToLowerInvariant()} part");
            }
        }
        if (school.Level != SchoolLevel.NineYear || school.Resources.Count == 0)
        {
            return;
        }
        var first = school.Resources.Min(r => DatasetValidator.TermOrder(r.From));
        foreach (var part in SchoolParts.All)
        {
            var own = ResourceParts.Of(part);
            if (!school.Resources.Any(r => (r.Part == own || r.Part == ResourcePart.Shared) && DatasetValidator.TermOrder(r.From) == first))
            {
                var name = own.ToString().ToLowerInvariant();
                problems.Add($"{path}.resources", string.Create(CultureInfo.InvariantCulture,
                    $"cannot be split between the parts of a nine-year school: the {name} part has no entry of its own and no shared one from {first} (add a \"{name}\" or a \"shared\" entry from {first})"));
            }
        }
    }
}
