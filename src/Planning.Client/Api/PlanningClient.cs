using Grpc.Core;
using Grpc.Net.Client;
using V1 = Planning.V1;

namespace Planning.Client.Api;

/// <summary>
/// The planning server's API as plain records. Every call takes a cancellation token;
/// unary calls carry the deadline of <see cref="PlanningClientOptions.Timeout"/>; read-only
/// calls are retried while the server is UNAVAILABLE (on channels this client creates).
/// A refused call throws <see cref="PlanningException"/> with the status and every field
/// violation; a cancelled one throws <see cref="OperationCanceledException"/>.
/// </summary>
public sealed partial class PlanningClient : IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly bool _ownsChannel;
    private readonly PlanningClientOptions _options;
    private readonly V1.DatasetService.DatasetServiceClient _dataset;
    private readonly V1.GeographyService.GeographyServiceClient _geography;
    private readonly V1.SchoolService.SchoolServiceClient _schools;
    private readonly V1.ResidentialAreaService.ResidentialAreaServiceClient _areas;
    private readonly V1.ScenarioService.ScenarioServiceClient _scenarios;
    private readonly V1.SimulationService.SimulationServiceClient _simulation;
    private readonly V1.PlannerService.PlannerServiceClient _planner;
    private readonly V1.AssessmentService.AssessmentServiceClient _assessment;
    private readonly V1.AccessService.AccessServiceClient _access;
    private readonly V1.RulesService.RulesServiceClient _rulesService;

    /// <summary>
    /// Connects to <see cref="PlanningClientOptions.Address"/> (by default PLANNING_SERVER or http://127.0.0.1:5081),
    /// sending <see cref="PlanningClientOptions.ApiKey"/> (by default PLANNING_API_KEY or the credentials file's key).
    /// </summary>
    public PlanningClient(PlanningClientOptions? options = null)
        : this(RetryPolicyConfig.CreateChannel(options ?? new PlanningClientOptions()), options, ownsChannel: true)
    {
    }

    /// <summary>Uses an existing channel (e.g. one over an in-process test server) with its own credentials; the caller keeps ownership.</summary>
    public PlanningClient(GrpcChannel channel, PlanningClientOptions? options = null)
        : this(channel, options, ownsChannel: false)
    {
    }

    private PlanningClient(GrpcChannel channel, PlanningClientOptions? options, bool ownsChannel)
    {
        _channel = channel;
        _ownsChannel = ownsChannel;
        _options = options ?? new PlanningClientOptions();
        _dataset = new(channel);
        _geography = new(channel);
        _schools = new(channel);
        _areas = new(channel);
        _scenarios = new(channel);
        _simulation = new(channel);
        _planner = new(channel);
        _assessment = new(channel);
        _access = new(channel);
        _rulesService = new(channel);
    }

    /// <summary>The server this client talks to.</summary>
    public string Target => _channel.Target;

    public void Dispose()
    {
        if (_ownsChannel)
        {
            _channel.Dispose();
        }
    }

    private CallOptions UnaryOptions(CancellationToken ct) =>
        new(deadline: _options.Timeout is { } timeout ? DateTime.UtcNow + timeout : null, cancellationToken: ct);

    private static CallOptions StreamOptions(CancellationToken ct) => new(cancellationToken: ct);

    private async Task<TResult> UnaryAsync<TResponse, TResult>(
        Func<CallOptions, AsyncUnaryCall<TResponse>> call, Func<TResponse, TResult> map, CancellationToken ct)
    {
        try
        {
            return map(await call(UnaryOptions(ct)));
        }
        catch (RpcException e)
        {
            throw Translate(e, ct);
        }
    }

    /// <summary>Reads a server stream, translating failures like the unary calls.</summary>
    private static async IAsyncEnumerable<T> ReadAllAsync<T>(
        AsyncServerStreamingCall<T> call, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        using (call)
        {
            while (true)
            {
                T current;
                try
                {
                    if (!await call.ResponseStream.MoveNext(ct))
                    {
                        yield break;
                    }
                    current = call.ResponseStream.Current;
                }
                catch (RpcException e)
                {
                    throw Translate(e, ct);
                }
                yield return current;
            }
        }
    }

    private static Exception Translate(RpcException e, CancellationToken ct) =>
        e.StatusCode == StatusCode.Cancelled && ct.IsCancellationRequested
            ? new OperationCanceledException("the call was cancelled", e, ct)
            : PlanningException.From(e);
}
