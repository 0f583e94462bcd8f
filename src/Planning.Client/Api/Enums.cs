namespace Planning.Client.Api;

// The contract's enums are used as they are (ContractEnums.props); only the health status,
// which comes from grpc.health.v1, has a client type of its own.

/// <summary>grpc.health.v1 serving status.</summary>
public enum HealthStatus
{
    Unknown = 0,
    Serving = 1,
    NotServing = 2,
    ServiceUnknown = 3,
}
