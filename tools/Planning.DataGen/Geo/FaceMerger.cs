using NetTopologySuite.Geometries;

namespace Planning.DataGen.Geo;

/// <summary>
/// After faces are given to units (by nearest site), a unit may come out in several pieces.
/// It keeps the piece holding its site; each other piece goes to the neighbouring unit (among
/// those allowed) that shares the longest border with it. Repeats until nothing moves.
/// </summary>
public static class FaceMerger
{
    public static void MergeDetachedPieces(
        PlanarPartition partition,
        int[] unitOfFace,
        IReadOnlyList<Coordinate> unitSites,
        Func<int, int, bool> mayJoin)
    {
        for (var round = 0; round < 20; round++)
        {
            var moved = false;
            var facesByUnit = Enumerable.Range(0, unitSites.Count).Select(_ => new List<int>()).ToList();
            for (var f = 0; f < unitOfFace.Length; f++)
            {
                if (unitOfFace[f] >= 0)
                {
                    facesByUnit[unitOfFace[f]].Add(f);
                }
            }

            for (var unit = 0; unit < unitSites.Count; unit++)
            {
                var components = partition.Components(facesByUnit[unit]);
                if (components.Count < 2)
                {
                    continue;
                }

                var site = GeoOps.Factory.CreatePoint(unitSites[unit]);
                var keep = components.FirstOrDefault(c => c.Exists(f => partition.Faces[f].Covers(site)))
                    ?? components.OrderByDescending(c => c.Sum(f => partition.Faces[f].Area)).First();
                foreach (var piece in components.Where(c => !ReferenceEquals(c, keep)))
                {
                    var target = BestNeighbourUnit(partition, unitOfFace, piece, unit, mayJoin);
                    if (target < 0)
                    {
                        continue;
                    }

                    foreach (var f in piece)
                    {
                        unitOfFace[f] = target;
                    }

                    moved = true;
                }
            }

            if (!moved)
            {
                return;
            }
        }
    }

    private static int BestNeighbourUnit(
        PlanarPartition partition, int[] unitOfFace, List<int> piece, int self, Func<int, int, bool> mayJoin)
    {
        var shared = new SortedDictionary<int, double>();
        foreach (var face in piece)
        {
            foreach (var (neighbour, length) in partition.Neighbours(face))
            {
                var unit = unitOfFace[neighbour];
                if (unit >= 0 && unit != self && mayJoin(self, unit))
                {
                    shared[unit] = shared.GetValueOrDefault(unit) + length;
                }
            }
        }

        return shared.Count == 0 ? -1 : shared.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).First().Key;
    }
}
