using Planning.Engine.Assessment;
using Planning.Engine.Inputs;
using Planning.Engine.Rules;
using Planning.Engine.Terms;
using EngineEntry = Planning.Engine.Assessment.ResourceEntry;
using EnginePart = Planning.Engine.Rules.SchoolPart;

namespace Planning.Server.Assessment;

/// <summary>
/// What the assessment knows about one school of a run besides its simulated enrolment: its
/// level, its name, its resource stock entries and the scenario's scheduled additions.
/// </summary>
/// <param name="Code">School code.</param>
/// <param name="Name">Chinese name; the code when the school is no longer on record.</param>
/// <param name="Level">The level the run simulated it at.</param>
/// <param name="Stock">Resource entries (base data, or the scenario's new school).</param>
/// <param name="Additions">The scenario's AddResources increments, each from its term on.</param>
public sealed record SchoolFacts(
    string Code,
    string Name,
    SchoolLevel Level,
    IReadOnlyList<EngineEntry> Stock,
    IReadOnlyList<EngineEntry> Additions)
{
    /// <summary>True when the school has <paramref name="part"/> (a nine-year school has both).</summary>
    public bool Teaches(EnginePart part) => Level == SchoolLevel.NineYear
        || (part == EnginePart.Primary ? Level == SchoolLevel.Primary : Level == SchoolLevel.Junior);

    /// <summary>
    /// The resources of <paramref name="part"/> in force in <paramref name="term"/> with
    /// <paramref name="primaryPupils"/> and <paramref name="juniorPupils"/>: its own, plus its
    /// portion of a nine-year school's shared ones (<see cref="Standard.SharedPortion"/>).
    /// </summary>
    public Resources ResourcesAt(EnginePart part, Term term, int primaryPupils, int juniorPupils, Standard standard) =>
        ResourceTimeline.ForPart(Stock, Additions, part, term, standard.SharedPortion(part, primaryPupils, juniorPupils));

    /// <summary>
    /// Assesses the school in one term of the run. A grade is taught in as many classes as the
    /// school has tracks (classrooms) for it that term, so a grade over tracks × class limit
    /// breaks the class limit (DOMAIN.md: 45 in grades 1–6, 50 in grades 7–9).
    /// </summary>
    public SchoolAssessment Assess(Data.RunSchoolRow row, Standard standard)
    {
        ArgumentNullException.ThrowIfNull(row);
        var term = Term.Parse(row.Term);
        var classes = Grades.All.Select(g => Grades.PartOf(g) == EnginePart.Primary ? row.PrimaryTracks : row.JuniorTracks).ToArray();
        var enrolment = row.Enrolment.Length == Grades.Count ? row.Enrolment : new int[Grades.Count];
        var (primary, junior) = (Grades.SumOf(enrolment, EnginePart.Primary), Grades.SumOf(enrolment, EnginePart.Junior));
        return SchoolAssessor.Assess(SchoolInput.Create(
            Code,
            enrolment,
            classes,
            Teaches(EnginePart.Primary) ? ResourcesAt(EnginePart.Primary, term, primary, junior, standard) : null,
            Teaches(EnginePart.Junior) ? ResourcesAt(EnginePart.Junior, term, primary, junior, standard) : null), standard);
    }
}
