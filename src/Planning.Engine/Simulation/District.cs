using Planning.Engine.Assessment;
using Planning.Engine.Inputs;
using Planning.Engine.Rules;
using Planning.Engine.Terms;

namespace Planning.Engine.Simulation;

/// <summary>The input indexed for the run: schools and areas by position, capacities per term.</summary>
internal sealed class District
{
    public District(SimulationInput input)
    {
        Parameters = input.Parameters;
        Schools = input.Schools;
        SchoolIndex = input.Schools.Select((s, i) => (s.Code, i)).ToDictionary(p => p.Code, p => p.i, StringComparer.Ordinal);
        foreach (var area in input.Areas)
        {
            Areas.Add(new AreaInfo(area, area.Point, [IndexOf(area.PrimarySchool), IndexOf(area.JuniorSchool)]));
        }

        RealAreaCount = Areas.Count;
    }

    private int[] _tracks = [];
    private Term _tracksTerm;

    public SimulationParameters Parameters { get; }

    public IReadOnlyList<School> Schools { get; }

    public Dictionary<string, int> SchoolIndex { get; }

    /// <summary>Input areas first, then stand-ins.</summary>
    public List<AreaInfo> Areas { get; } = [];

    public int RealAreaCount { get; }

    public int Tracks(int school, Term term, SchoolPart part)
    {
        if (_tracksTerm != term || _tracks.Length == 0)
        {
            _tracks = Schools.SelectMany(s => new[] { s.TracksIn(term, SchoolPart.Primary), s.TracksIn(term, SchoolPart.Junior) }).ToArray();
            _tracksTerm = term;
        }

        return _tracks[school * 2 + (int)part];
    }

    public bool Teaches(int school, Term term, SchoolPart part) => school >= 0 && Tracks(school, term, part) > 0;

    public int GradeCapacity(int school, Term term, int grade) => Tracks(school, term, Grades.PartOf(grade)) * Parameters.ClassLimit(grade);

    public int SizeLimit(int school) => Parameters.SizeLimit(Schools[school].Level);

    public long Distance(int area, int school) => (long)Math.Round(Areas[area].Point.DistanceTo(Schools[school].Location));

    private int IndexOf(string? code) => code is not null && SchoolIndex.TryGetValue(code, out var i) ? i : -1;
}
