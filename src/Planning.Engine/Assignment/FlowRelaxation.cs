using Google.OrTools.Graph;

namespace Planning.Engine.Assignment;

/// <summary>
/// The split relaxation as a min-cost flow: every (area, grade, origin) item may be shared among
/// its candidate schools. Network: item → (school, grade) → school → sink, where the (school,
/// grade) and school arcs carry the free seats at cost 0 and a parallel uncapacitated arc carries
/// overflow at the overflow cost. A school with a fill target T gets its first min(T, seats) pupils
/// at −under-fill cost (and T × under-fill cost is added back), which prices max(0, T − load). Its
/// optimum is a lower bound for the whole-area problem, and with integral supplies the flow is
/// integral, so it is also the answer when splitting is allowed. Every unit must have a candidate.
/// </summary>
/// <remarks>
/// OR-Tools' cost scaling takes about twice as long with overflow priced at 10⁷ per pupil as at a
/// hundredth of that (BENCHMARKS.md, "the split flow taken apart"). So the flow is first solved with
/// overflow at a lower price P′; when its overflow equals pupils − <see cref="MostSeated"/>, the
/// least any flow can have, that flow is also optimal at the real price P, with cost
/// C(P′) + (P − P′) × overflow: any flow x costs c(x) + P′·o(x) + (P − P′)·o(x) ≥ C(P′) + (P − P′)·least.
/// Otherwise it is solved again at P. Problems with fill targets are always solved at P.
/// </remarks>
internal static class FlowRelaxation
{
    /// <summary>The optimum.</summary>
    /// <param name="Cost">Optimal cost, under-fill constant included.</param>
    /// <param name="Flows">Pupils per item and candidate: unit u's item i at candidate c is <c>Flows[ItemFirst[u] + i × candidates(u) + c]</c>.</param>
    /// <param name="ItemFirst">Start of each unit's block in <paramref name="Flows"/>.</param>
    /// <param name="MostSeated">The <see cref="MostSeated"/> max flow, when the solve computed it (its try overflowed); else null.</param>
    public sealed record Result(long Cost, long[] Flows, int[] ItemFirst, long? MostSeated = null)
    {
        /// <summary>Pupils of unit <paramref name="u"/> the flow sends to its candidate <paramref name="c"/>.</summary>
        public long UnitFlow(DecisionUnit unit, int u, int c)
        {
            long sum = 0;
            var count = unit.Candidates.Count;
            for (var i = 0; i < unit.Items.Count; i++)
            {
                sum += Flows[ItemFirst[u] + i * count + c];
            }

            return sum;
        }

        /// <summary>The flow's pupils per grade slot and per school.</summary>
        public (long[] Grade, long[] School) Loads(AssignmentProblem problem)
        {
            var grade = new long[problem.GradeCapacity.Length];
            var school = new long[problem.SchoolCount];
            for (var u = 0; u < problem.Units.Count; u++)
            {
                var unit = problem.Units[u];
                for (var i = 0; i < unit.Items.Count; i++)
                {
                    for (var c = 0; c < unit.Candidates.Count; c++)
                    {
                        var flow = Flows[ItemFirst[u] + i * unit.Candidates.Count + c];
                        grade[AssignmentProblem.Slot(unit.Candidates[c].School, unit.Items[i].Grade)] += flow;
                        school[unit.Candidates[c].School] += flow;
                    }
                }
            }

            return (grade, school);
        }
    }

    /// <summary>
    /// Overflow price of the first try, as a multiple of the dearest pupil arc. The lower the price, the
    /// faster the solve and the sooner a long chain of moves that seats one more pupil is not paid:
    /// over the 100k horizon every term's try at 2 × kept the least overflow and solved in 21 s where
    /// 10 × took 28 s, while 1 × left the first term 340 pupils above its least (BENCHMARKS.md).
    /// </summary>
    private const long TryPriceFactor = 2;

    /// <param name="problem">The problem.</param>
    /// <param name="seats">The seat max flow when the caller computes it (perhaps beside the try); else <see cref="MostSeated"/> is computed after the try when that has overflow.</param>
    public static Result Solve(AssignmentProblem problem, Pending<SeatFlow>? seats = null)
    {
        var price = TryPrice(problem);
        if (price >= problem.OverflowCost)
        {
            return SolveAt(problem, problem.OverflowCost).Result;
        }

        var first = SolveAt(problem, price);
        if (first.OverflowUnits == 0)
        {
            return first.Result;
        }

        var seated = seats?.Value.Seated ?? MostSeated(problem);
        var least = Least(problem, seated);
        var kept = first.OverflowUnits == least
            ? first.Result with { Cost = first.Result.Cost + (problem.OverflowCost - price) * least }
            : SolveAt(problem, problem.OverflowCost).Result;
        return kept with { MostSeated = seated };
    }

    /// <summary>
    /// The overflow price of the first try: <see cref="TryPriceFactor"/> × the dearest pupil arc, so a
    /// flow seats a pupil through up to that many moves rather than let one overflow; the real price
    /// when that is not lower, or when fill targets price school loads.
    /// </summary>
    internal static long TryPrice(AssignmentProblem problem) => TryPrice(problem, TryPriceFactor);

    /// <summary>The try price at <paramref name="factor"/> × the dearest pupil arc, by the rule of <see cref="TryPrice(AssignmentProblem)"/> (the benchmarks compare factors).</summary>
    internal static long TryPrice(AssignmentProblem problem, long factor)
    {
        if (problem.UnderFillCost > 0 && problem.FillTarget.Any(t => t > 0))
        {
            return problem.OverflowCost;
        }

        long dearest = 1;
        foreach (var unit in problem.Units)
        {
            foreach (var item in unit.Items)
            {
                foreach (var candidate in unit.Candidates)
                {
                    dearest = Math.Max(dearest, problem.PupilCost(item, candidate));
                }
            }
        }

        return dearest >= problem.OverflowCost / factor ? problem.OverflowCost : dearest * factor;
    }

    /// <summary>The flow with overflow priced at <paramref name="overflowPrice"/>, and its overflow units (pupils over a grade's or a school's seats, counted at each).</summary>
    internal static (Result Result, long OverflowUnits) SolveAt(AssignmentProblem problem, long overflowPrice)
    {
        var lap = PhaseClock.Start("min-cost flow build");
        var units = problem.Units;
        var (usedSlot, usedSchool, itemArcs) = Usage(problem);
        long total = units.Sum(u => (long)u.Pupils);
        var schools = problem.SchoolCount;
        var itemNodes = units.Sum(u => u.Items.Count);
        using var flow = new MinCostFlow(FirstItemNode(problem) + itemNodes, itemArcs + 4 * schools + 2 * usedSlot.Count(x => x));
        const int sink = 0;
        long constant = 0;
        var overflowArcs = new List<int>();
        for (var s = 0; s < schools; s++)
        {
            if (usedSchool[s])
            {
                constant += AddSchoolArcs(flow, problem, s, total, overflowPrice, overflowArcs);
            }
        }

        for (var slot = 0; slot < usedSlot.Length; slot++)
        {
            if (usedSlot[slot])
            {
                var (node, schoolNode) = (GradeNode(problem, slot), SchoolNode(problem, AssignmentProblem.SchoolOf(slot)));
                flow.AddArcWithCapacityAndUnitCost(node, schoolNode, problem.GradeCapacity[slot], 0);
                overflowArcs.Add(flow.AddArcWithCapacityAndUnitCost(node, schoolNode, total, overflowPrice));
            }
        }

        var itemFirst = new int[units.Count];
        var firstArc = -1;
        var nextNode = FirstItemNode(problem);
        var position = 0;
        // Item nodes in near order (AssignmentProblem.NearOrder).
        foreach (var u in problem.NearOrder)
        {
            var unit = units[u];
            itemFirst[u] = position;
            foreach (var item in unit.Items)
            {
                var node = nextNode++;
                flow.SetNodeSupply(node, item.Count);
                foreach (var candidate in unit.Candidates)
                {
                    var arc = flow.AddArcWithCapacityAndUnitCost(
                        node, GradeNode(problem, AssignmentProblem.Slot(candidate.School, item.Grade)), item.Count, problem.PupilCost(item, candidate));
                    firstArc = firstArc < 0 ? arc : firstArc;
                    position++;
                }
            }
        }

        flow.SetNodeSupply(sink, -total);
        lap.Dispose();
        lap = PhaseClock.Start("min-cost flow solve");
        var status = flow.Solve();
        lap.Dispose();
        using var reading = PhaseClock.Start("min-cost flow read");
        if (status != MinCostFlowBase.Status.OPTIMAL)
        {
            throw new InvalidOperationException($"min-cost flow failed: {status}");
        }

        var flows = new long[position];
        for (var a = 0; a < flows.Length; a++)
        {
            flows[a] = flow.Flow(firstArc + a);
        }

        return (new Result(flow.OptimalCost() + constant, flows, itemFirst), overflowArcs.Sum(flow.Flow));
    }

    /// <summary>
    /// Most pupils that can be seated within every grade and school capacity when areas may split (a
    /// max flow). The others overflow in any assignment, so pupils − this is a lower bound on the
    /// overflow of every whole-area assignment too.
    /// </summary>
    public static long MostSeated(AssignmentProblem problem) => Seats(problem, withCut: false).Seated;

    /// <summary>
    /// The seat max flow (<see cref="MostSeated"/>) and its minimum cut (what the source reaches in its
    /// residual network), as prices of 1 a pupil: a slot is priced when its grade node is reached and
    /// its school node is not, a school when its node is reached. For every assignment, split or whole,
    /// Σ over priced slots and schools of the pupils over their seats ≥ Σ over items of their cheapest
    /// candidate's price − Σ over priced slots and schools of their seats (a Lagrangian bound), which
    /// is <see cref="Least"/>; for whole areas, Σ over units of their cheapest candidate's price − the
    /// same seats, at least that.
    /// </summary>
    /// <param name="Seated">The most pupils seated (<see cref="MostSeated"/>).</param>
    /// <param name="SlotPriced">Per grade slot, whether the cut prices it; null when solved without the cut.</param>
    /// <param name="SchoolPriced">Per school, whether the cut prices it; null when solved without the cut.</param>
    public sealed record SeatFlow(long Seated, bool[]? SlotPriced = null, bool[]? SchoolPriced = null);

    /// <summary>
    /// The seat max flow, and its cut when <paramref name="withCut"/> (the cut's search took about a
    /// tenth of the solve's time in the first 100k term, and memory for every item arc).
    /// </summary>
    public static SeatFlow Seats(AssignmentProblem problem, bool withCut)
    {
        using var lap = PhaseClock.Start("overflow proof (max flow)");
        var (flow, usage) = SolvedSeats(problem);
        using (flow)
        {
            var (slotPriced, schoolPriced) = withCut ? Cut(problem, flow, usage) : (null, null);
            return new SeatFlow(flow.OptimalFlow(), slotPriced, schoolPriced);
        }
    }

    private static (bool[] Slot, bool[] School) Cut(AssignmentProblem problem, MaxFlow flow, (bool[] UsedSlot, bool[] UsedSchool, int ItemArcs) usage)
    {
        var (usedSlot, usedSchool, itemArcs) = usage;
        var schools = problem.SchoolCount;
        var slots = usedSlot.Length;
        // Arcs as SolvedSeats adds them: a school's to the sink, a slot's to its school, then per item
        // (near order) the source's and one per candidate.
        var arc = usedSchool.Count(used => used);
        var slotArc = new int[slots];
        for (var slot = 0; slot < slots; slot++)
        {
            slotArc[slot] = usedSlot[slot] ? arc++ : -1;
        }

        var items = problem.Units.Sum(u => u.Items.Count);
        var itemSlot = new int[itemArcs];
        var itemFlow = new long[itemArcs];
        var itemFirst = new int[items + 1];
        var itemSize = new long[items];
        var reached = new bool[items + slots + schools];
        var queue = new Queue<int>();
        var (i, a) = (0, 0);
        foreach (var u in problem.NearOrder)
        {
            var unit = problem.Units[u];
            foreach (var item in unit.Items)
            {
                itemFirst[i] = a;
                itemSize[i] = item.Count;
                if (flow.Flow(arc++) < item.Count)
                {
                    reached[i] = true;
                    queue.Enqueue(i);
                }

                foreach (var candidate in unit.Candidates)
                {
                    itemSlot[a] = AssignmentProblem.Slot(candidate.School, item.Grade);
                    itemFlow[a++] = flow.Flow(arc++);
                }

                i++;
            }
        }

        itemFirst[items] = a;
        // Per slot, the item arcs that carry flow into it: the residual network's arcs back to the items.
        var intoFirst = new int[slots + 1];
        for (var k = 0; k < a; k++)
        {
            intoFirst[itemSlot[k] + 1] += itemFlow[k] > 0 ? 1 : 0;
        }

        for (var slot = 0; slot < slots; slot++)
        {
            intoFirst[slot + 1] += intoFirst[slot];
        }

        var next = (int[])intoFirst.Clone();
        var intoItem = new int[intoFirst[slots]];
        for (var item = 0; item < items; item++)
        {
            for (var k = itemFirst[item]; k < itemFirst[item + 1]; k++)
            {
                if (itemFlow[k] > 0)
                {
                    intoItem[next[itemSlot[k]]++] = item;
                }
            }
        }

        void Reach(int node)
        {
            if (!reached[node])
            {
                reached[node] = true;
                queue.Enqueue(node);
            }
        }

        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            if (node < items)
            {
                for (var k = itemFirst[node]; k < itemFirst[node + 1]; k++)
                {
                    if (itemFlow[k] < itemSize[node])
                    {
                        Reach(items + itemSlot[k]);
                    }
                }
            }
            else if (node < items + slots)
            {
                var slot = node - items;
                if (flow.Flow(slotArc[slot]) < problem.GradeCapacity[slot])
                {
                    Reach(items + slots + AssignmentProblem.SchoolOf(slot));
                }

                for (var k = intoFirst[slot]; k < intoFirst[slot + 1]; k++)
                {
                    Reach(intoItem[k]);
                }
            }
            else
            {
                var school = node - items - slots;
                var (first, end) = AssignmentProblem.SlotsOf(school);
                for (var slot = first; slot < end; slot++)
                {
                    if (usedSlot[slot] && flow.Flow(slotArc[slot]) > 0)
                    {
                        Reach(items + slot);
                    }
                }
            }
        }

        var schoolPriced = new bool[schools];
        for (var s = 0; s < schools; s++)
        {
            schoolPriced[s] = reached[items + slots + s];
        }

        var slotPriced = new bool[slots];
        for (var slot = 0; slot < slots; slot++)
        {
            slotPriced[slot] = reached[items + slot] && !schoolPriced[AssignmentProblem.SchoolOf(slot)];
        }

        return (slotPriced, schoolPriced);
    }

    /// <summary>The seat max flow, solved (arcs in the order <see cref="Cut"/> reads them), and the slots, schools and item arcs it has.</summary>
    private static (MaxFlow Flow, (bool[] UsedSlot, bool[] UsedSchool, int ItemArcs) Usage) SolvedSeats(AssignmentProblem problem)
    {
        var usage = Usage(problem);
        var (usedSlot, usedSchool, _) = usage;
        var schools = problem.SchoolCount;
        var flow = new MaxFlow();
        const int sink = 0;
        var source = FirstItemNode(problem);
        for (var s = 0; s < schools; s++)
        {
            if (usedSchool[s])
            {
                flow.AddArcWithCapacity(SchoolNode(problem, s), sink, problem.TotalCapacity[s]);
            }
        }

        for (var slot = 0; slot < usedSlot.Length; slot++)
        {
            if (usedSlot[slot])
            {
                flow.AddArcWithCapacity(GradeNode(problem, slot), SchoolNode(problem, AssignmentProblem.SchoolOf(slot)), problem.GradeCapacity[slot]);
            }
        }

        var nextNode = source + 1;
        foreach (var u in problem.NearOrder)
        {
            var unit = problem.Units[u];
            foreach (var item in unit.Items)
            {
                var node = nextNode++;
                flow.AddArcWithCapacity(source, node, item.Count);
                foreach (var candidate in unit.Candidates)
                {
                    flow.AddArcWithCapacity(node, GradeNode(problem, AssignmentProblem.Slot(candidate.School, item.Grade)), item.Count);
                }
            }
        }

        var status = flow.Solve(source, sink);
        if (status != MaxFlow.Status.OPTIMAL)
        {
            flow.Dispose();
            throw new InvalidOperationException($"max flow failed: {status}");
        }

        return (flow, usage);
    }

    /// <summary>
    /// The least overflow any assignment can have, split or whole: the pupils a seat max flow of
    /// <paramref name="seated"/> (<see cref="MostSeated"/>) leaves without a seat.
    /// </summary>
    public static long Least(AssignmentProblem problem, long seated) => problem.Units.Sum(u => (long)u.Pupils) - seated;

    // Nodes: 0 the sink, then one per school and one per slot (school and grade), both in the schools'
    // walk order (AssignmentProblem.SchoolWalk), then the items (in the seat max flow, its source
    // first). Where several flows are optimal, which one comes back depends on the numbering, so the
    // rounding and the plan do too.
    internal static int SchoolNode(AssignmentProblem problem, int school) => 1 + problem.SchoolWalk[school];

    internal static int FirstItemNode(AssignmentProblem problem) => 1 + problem.SchoolCount + problem.GradeCapacity.Length;

    internal static int GradeNode(AssignmentProblem problem, int slot) =>
        1 + problem.SchoolCount + AssignmentProblem.Slot(problem.SchoolWalk[AssignmentProblem.SchoolOf(slot)], AssignmentProblem.GradeOf(slot));

    /// <summary>Adds the school's arcs to the sink; returns the constant to add to the cost.</summary>
    private static long AddSchoolArcs(MinCostFlow flow, AssignmentProblem problem, int s, long total, long overflowPrice, List<int> overflowArcs)
    {
        var (node, sink) = (SchoolNode(problem, s), 0);
        var seats = problem.TotalCapacity[s];
        var target = problem.UnderFillCost > 0 ? problem.FillTarget[s] : 0;
        var under = problem.UnderFillCost;
        if (target <= 0)
        {
            flow.AddArcWithCapacityAndUnitCost(node, sink, seats, 0);
        }
        else
        {
            flow.AddArcWithCapacityAndUnitCost(node, sink, Math.Min(target, seats), -under);
            if (seats > target)
            {
                flow.AddArcWithCapacityAndUnitCost(node, sink, seats - target, 0);
            }
            else if (target > seats)
            {
                overflowArcs.Add(flow.AddArcWithCapacityAndUnitCost(node, sink, target - seats, overflowPrice - under));
            }
        }

        overflowArcs.Add(flow.AddArcWithCapacityAndUnitCost(node, sink, total, overflowPrice));
        return target * under;
    }

    private static (bool[] UsedSlot, bool[] UsedSchool, int ItemArcs) Usage(AssignmentProblem problem)
    {
        var usedSlot = new bool[problem.GradeCapacity.Length];
        var usedSchool = new bool[problem.SchoolCount];
        var arcs = 0;
        foreach (var unit in problem.Units)
        {
            arcs += unit.Items.Count * unit.Candidates.Count;
            foreach (var candidate in unit.Candidates)
            {
                usedSchool[candidate.School] = true;
                foreach (var item in unit.Items)
                {
                    usedSlot[AssignmentProblem.Slot(candidate.School, item.Grade)] = true;
                }
            }
        }

        return (usedSlot, usedSchool, arcs);
    }
}
