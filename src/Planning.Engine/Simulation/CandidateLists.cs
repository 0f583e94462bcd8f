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

    public IReadOnlyList<Candidate> For(int area, SchoolPart part, Term term, int currentCatchment, IReadOnlyList<PendingPupils> pending)
    {
        var nearest = Nearest(area, part);
        var candidates = new List<Candidate>(nearest.Length + 2);
        foreach (var (school, metres) in nearest)
        {
            candidates.Add(new Candidate(school, metres, school == currentCatchment));
        }

        AddTaught(candidates, area, part, term, currentCatchment, currentCatchment);
        foreach (var p in pending)
        {
            AddTaught(candidates, area, part, term, p.From, currentCatchment);
        }

        // Whole metres tie where the nearest list's exact distances do not: order by them, then by school.
        candidates.Sort(static (a, b) => a.DistanceMetres != b.DistanceMetres ? a.DistanceMetres.CompareTo(b.DistanceMetres) : a.School.CompareTo(b.School));
        return candidates;
    }

    private void AddTaught(List<Candidate> candidates, int area, SchoolPart part, Term term, int school, int currentCatchment)
    {
        if (!district.Teaches(school, term, part))
        {
            return;
        }

        foreach (var c in candidates)
        {
            if (c.School == school)
            {
                return;
            }
        }

        candidates.Add(new Candidate(school, district.Distance(area, school), school == currentCatchment));
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

    // The k nearest teaching schools within the distance limit with their whole metres (District.Distance), nearest
    // first. Asked for once after the teaching schools change, every area's list is found, on every core (each
    // area's list is its own); a run that never asks (the "before" run) finds none.
    private (int School, long Metres)[] Nearest(int area, SchoolPart part)
    {
        var cache = _caches[(int)part];
        if (cache.ByArea is null)
        {
            var byArea = new (int School, long Metres)[district.Areas.Count][];
            Parallel.For(0, byArea.Length, a => byArea[a] = Find(cache.Index!, a));
            cache.ByArea = byArea;
        }

        return cache.ByArea[area];
    }

    private (int School, long Metres)[] Find(NearestSchools index, int area)
    {
        var p = district.Parameters;
        return [.. index.Find(district.Areas[area].Point, p.CandidateSchools, p.MaxCandidateDistanceMetres).Select(f => (f.Id, (long)Math.Round(f.Metres)))];
    }

    private void Refresh(Cache cache, SchoolPart part, Term term)
    {
        var teaching = Enumerable.Range(0, district.Schools.Count).Where(s => district.Teaches(s, term, part)).ToArray();
        if (cache.Index is null || !teaching.SequenceEqual(cache.Teaching))
        {
            cache.Teaching = teaching;
            cache.Index = new NearestSchools(teaching.Select(s => (s, district.Schools[s].Location)).ToList());
            cache.ByArea = null;
        }
    }

    private sealed class Cache
    {
        public int[] Teaching { get; set; } = [];

        public NearestSchools? Index { get; set; }

        public (int School, long Metres)[][]? ByArea { get; set; }
    }
}
