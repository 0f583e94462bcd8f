using Planning.Engine.Assessment;
using Planning.Engine.Assignment;
using Planning.Engine.Rules;
using Planning.Engine.Spatial;
using Planning.Engine.Terms;

namespace Planning.Engine.Simulation;

/// <summary>
/// The schools each area may go to at a level in a term: its k nearest teaching schools (within the
/// distance limit), plus its current catchment school and the schools its pupils are at, so that
/// staying put is always possible. Nearest lists are kept while the set of teaching schools stays the same.
/// </summary>
internal sealed class CandidateLists(District district)
{
    private readonly Cache[] _caches = [new(), new()];

    /// <summary>Makes the lists follow the schools teaching in <paramref name="term"/>; call once per term before the others.</summary>
    public void Prepare(Term term)
    {
        Refresh(_caches[0], SchoolPart.Primary, term);
        Refresh(_caches[1], SchoolPart.Junior, term);
    }

    public IReadOnlyList<Candidate> For(int area, SchoolPart part, Term term, int currentCatchment, IEnumerable<int> origins)
    {
        var nearest = Nearest(area, part);
        var schools = new List<int>(nearest.Length + 2);
        schools.AddRange(nearest);
        if (district.Teaches(currentCatchment, term, part) && !schools.Contains(currentCatchment))
        {
            schools.Add(currentCatchment);
        }

        foreach (var origin in origins)
        {
            if (district.Teaches(origin, term, part) && !schools.Contains(origin))
            {
                schools.Add(origin);
            }
        }

        return schools
            .Select(s => new Candidate(s, district.Distance(area, s), s == currentCatchment))
            .OrderBy(c => c.DistanceMetres)
            .ThenBy(c => c.School)
            .ToList();
    }

    /// <summary>The nearest school teaching <paramref name="part"/>, ignoring the distance limit; −1 when none.</summary>
    public int Closest(int area, SchoolPart part)
    {
        var found = _caches[(int)part].Index!.Find(district.Areas[area].Point, 1, null);
        return found.Count == 0 ? -1 : found[0].Id;
    }

    /// <summary>The nearest school teaching <paramref name="part"/> that <paramref name="allowed"/> accepts, ignoring the distance limit; −1 when none.</summary>
    public int ClosestWhere(int area, SchoolPart part, Func<int, bool> allowed)
    {
        var cache = _caches[(int)part];
        return cache.Index!.Find(district.Areas[area].Point, cache.Teaching.Length, null).Select(f => f.Id).Where(allowed).DefaultIfEmpty(-1).First();
    }

    private int[] Nearest(int area, SchoolPart part)
    {
        var cache = _caches[(int)part];
        if (!cache.ByArea.TryGetValue(area, out var list))
        {
            var p = district.Parameters;
            list = cache.Index!.Find(district.Areas[area].Point, p.CandidateSchools, p.MaxCandidateDistanceMetres).Select(f => f.Id).ToArray();
            cache.ByArea[area] = list;
        }

        return list;
    }

    private void Refresh(Cache cache, SchoolPart part, Term term)
    {
        var teaching = Enumerable.Range(0, district.Schools.Count).Where(s => district.Teaches(s, term, part)).ToArray();
        if (cache.Index is null || !teaching.SequenceEqual(cache.Teaching))
        {
            cache.Teaching = teaching;
            cache.Index = new NearestSchools(teaching.Select(s => (s, district.Schools[s].Location)).ToList());
            cache.ByArea.Clear();
        }
    }

    private sealed class Cache
    {
        public int[] Teaching { get; set; } = [];

        public NearestSchools? Index { get; set; }

        public Dictionary<int, int[]> ByArea { get; } = [];
    }
}
