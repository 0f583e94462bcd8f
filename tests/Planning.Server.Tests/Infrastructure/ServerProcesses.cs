namespace Planning.Server.Tests.Infrastructure;

/// <summary>
/// Tests that run servers as child processes and kill or starve them (three-node cluster, server killed, database
/// stopped): one after the other, since on two cores two of them at once starve the nodes' probes and start-ups.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ServerProcesses
{
    public const string Name = "server processes";
}
