namespace Planning.Engine.Assignment;

/// <summary>Pupils of one area and grade that the solver places together.</summary>
/// <param name="Grade">Grade 1–9.</param>
/// <param name="Origin">School index where the pupils are now, or −1 for pupils without a school (new intake, new residents).</param>
/// <param name="Count">Pupils, &gt; 0.</param>
internal readonly record struct DemandItem(int Grade, int Origin, int Count);
