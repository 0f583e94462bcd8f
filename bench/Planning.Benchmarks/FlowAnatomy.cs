using System.Diagnostics;
using System.Globalization;
using Google.OrTools.Graph;
using Planning.Engine.Assignment;

namespace Planning.Benchmarks;

/// <summary>
/// <c>--flow-anatomy CASE</c>: where the split min-cost flow's time goes. The case's first term is
/// solved as usual, then its problem is given to OR-Tools' min-cost flow as the engine builds it (solved
/// once at the real overflow price, and as the engine solves it) and as three smaller networks (nodes
/// in the engine's order too: <see cref="AssignmentProblem.NearOrder"/>, <see cref="AssignmentProblem.SchoolWalk"/>), each
/// stripped of one feature, so each feature's share of the time shows. Only the first two rows are the
/// engine's relaxation; the others are easier problems with other optima.
/// </summary>
internal static class FlowAnatomy
{
    public static void Print(AssignmentProblem problem)
    {
        Console.WriteLine("| network | nodes | arcs | optimal cost | solve s (CPU) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        var total = problem.Units.Sum(u => (long)u.Pupils);
        var cpu = Cpu.Start();
        var once = FlowRelaxation.SolveAt(problem, problem.OverflowCost).Result;
        Row("the engine's network: one node per item, grades joined at each school under its size limit, overflow at the overflow cost, solved once", -1, -1, once.Cost, cpu.Seconds);
        cpu = Cpu.Start();
        var tried = FlowRelaxation.Solve(problem);
        Row(string.Create(CultureInfo.InvariantCulture,
            $"the same as the engine solves it: first with overflow at {FlowRelaxation.TryPrice(problem):N0} (the try price), kept when its overflow is the seats' least, else solved again; the seat max flow included"), -1, -1, tried.Cost, cpu.Seconds);
        Row("the same, overflow at 10⁻² of its cost", Whole(problem, total, true, problem.OverflowCost / 100));
        Row("the same, no school size limit (grades not joined)", Whole(problem, total, false, problem.OverflowCost));
        var (nodes, arcs, cost, seconds) = (0, 0, 0L, 0.0);
        var loads = new long[problem.SchoolCount];
        for (var grade = 1; grade <= 9; grade++)
        {
            var g = Grade(problem, grade, total, loads);
            (nodes, arcs, cost, seconds) = (nodes + g.Nodes, arcs + g.Arcs, cost + g.Cost, seconds + g.Seconds);
        }

        Row("no school size limit, as 9 networks, one per grade (sums)", nodes, arcs, cost, seconds);
        var over = Enumerable.Range(0, problem.SchoolCount).Where(s => loads[s] > problem.TotalCapacity[s]).ToList();
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Without the size limit {over.Count:N0} schools get {over.Sum(s => loads[s] - problem.TotalCapacity[s]):N0} pupils beyond it: the limit binds, so the grades cannot be solved apart."));
    }

    private static void Row(string name, (int Nodes, int Arcs, long Cost, double Seconds) r) => Row(name, r.Nodes, r.Arcs, r.Cost, r.Seconds);

    private static void Row(string name, int nodes, int arcs, long cost, double seconds) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {(nodes < 0 ? "≈ next row" : nodes.ToString("N0", CultureInfo.InvariantCulture))} | {(arcs < 0 ? "≈ next row" : arcs.ToString("N0", CultureInfo.InvariantCulture))} | {cost:N0} | {seconds:F1} |"));

    private static (int Nodes, int Arcs, long Cost, double Seconds) Whole(AssignmentProblem problem, long total, bool sizeLimit, long overflowCost)
    {
        var clock = Cpu.Start();
        using var flow = new MinCostFlow();
        var schools = problem.SchoolCount;
        int GradeNode(int slot) => FlowRelaxation.GradeNode(problem, slot);
        int SchoolNode(int school) => FlowRelaxation.SchoolNode(problem, school);
        for (var s = 0; s < schools && sizeLimit; s++)
        {
            flow.AddArcWithCapacityAndUnitCost(SchoolNode(s), 0, problem.TotalCapacity[s], 0);
            flow.AddArcWithCapacityAndUnitCost(SchoolNode(s), 0, total, overflowCost);
        }

        for (var slot = 0; slot < schools * 9; slot++)
        {
            var to = sizeLimit ? SchoolNode(slot / 9) : 0;
            flow.AddArcWithCapacityAndUnitCost(GradeNode(slot), to, problem.GradeCapacity[slot], 0);
            flow.AddArcWithCapacityAndUnitCost(GradeNode(slot), to, total, overflowCost);
        }

        var node = 1 + schools * 10;
        foreach (var unit in problem.NearOrder.Select(u => problem.Units[u]))
        {
            foreach (var item in unit.Items)
            {
                var n = node++;
                flow.SetNodeSupply(n, item.Count);
                foreach (var candidate in unit.Candidates)
                {
                    flow.AddArcWithCapacityAndUnitCost(n, GradeNode(AssignmentProblem.Slot(candidate.School, item.Grade)), item.Count, problem.PupilCost(item, candidate));
                }
            }
        }

        flow.SetNodeSupply(0, -total);
        return Solved(flow, clock);
    }

    private static (int Nodes, int Arcs, long Cost, double Seconds) Grade(AssignmentProblem problem, int grade, long total, long[] loads)
    {
        var clock = Cpu.Start();
        using var flow = new MinCostFlow();
        var schools = problem.SchoolCount;
        var seated = new int[schools];
        for (var s = 0; s < schools; s++)
        {
            seated[s] = flow.AddArcWithCapacityAndUnitCost(FlowRelaxation.SchoolNode(problem, s), 0, problem.GradeCapacity[AssignmentProblem.Slot(s, grade)], 0);
            flow.AddArcWithCapacityAndUnitCost(FlowRelaxation.SchoolNode(problem, s), 0, total, problem.OverflowCost);
        }

        var (node, supply) = (1 + schools, 0L);
        foreach (var unit in problem.NearOrder.Select(u => problem.Units[u]))
        {
            foreach (var item in unit.Items.Where(i => i.Grade == grade))
            {
                var n = node++;
                flow.SetNodeSupply(n, item.Count);
                supply += item.Count;
                foreach (var candidate in unit.Candidates)
                {
                    flow.AddArcWithCapacityAndUnitCost(n, FlowRelaxation.SchoolNode(problem, candidate.School), item.Count, problem.PupilCost(item, candidate));
                }
            }
        }

        flow.SetNodeSupply(0, -supply);
        var result = Solved(flow, clock);
        for (var s = 0; s < schools; s++)
        {
            loads[s] += flow.Flow(seated[s]) + flow.Flow(seated[s] + 1);
        }

        return result;
    }

    private static (int Nodes, int Arcs, long Cost, double Seconds) Solved(MinCostFlow flow, Cpu clock)
    {
        var status = flow.Solve();
        return status == MinCostFlowBase.Status.OPTIMAL
            ? (flow.NumNodes(), flow.NumArcs(), flow.OptimalCost(), clock.Seconds)
            : throw new InvalidOperationException($"min-cost flow: {status}");
    }

    /// <summary>The process's CPU time since <see cref="Start"/> (each network is solved on one thread).</summary>
    private sealed class Cpu
    {
        private readonly TimeSpan _start = Process.GetCurrentProcess().TotalProcessorTime;

        public double Seconds => (Process.GetCurrentProcess().TotalProcessorTime - _start).TotalSeconds;

        public static Cpu Start() => new();
    }
}
