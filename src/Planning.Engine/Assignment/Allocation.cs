namespace Planning.Engine.Assignment;

/// <summary>Pupils of one demand item sent to one school.</summary>
/// <param name="Item">Index into the unit's items.</param>
/// <param name="School">School index, or −1 when no school teaches the level.</param>
/// <param name="Count">Pupils.</param>
internal readonly record struct Allocation(int Item, int School, int Count);
