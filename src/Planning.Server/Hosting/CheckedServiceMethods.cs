using System.Reflection;
using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Planning.Server.Common;

namespace Planning.Server.Hosting;

/// <summary>
/// Binds every gRPC service as grpc-dotnet's own binder does (the generated BindService, the handler's
/// attributes as endpoint metadata), but with marshallers of our own around the generated ones:
/// <list type="bullet">
/// <item>a request that does not parse (random bytes, say) is INVALID_ARGUMENT, not the UNKNOWN
/// "Exception was thrown by handler" grpc-dotnet answers for an exception it cannot place;</item>
/// <item>a request holding an enum value the contract does not define, or a NUL in a string, is
/// INVALID_ARGUMENT naming the field (<see cref="RequestScreen"/>), on every method and every message of a
/// stream, before any handler;</item>
/// <item>a response already encoded (<see cref="EncodedResponses"/>) is sent as those bytes.</item>
/// </list>
/// It replaces grpc-dotnet's binder (<see cref="CheckedServiceMethods.Use"/>), so each method is bound once.
/// </summary>
public sealed class CheckedServiceMethods<TService> : IServiceMethodProvider<TService> where TService : class
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        if (BindMethod(typeof(TService)) is { } bind)
        {
            bind.Method.Invoke(null, [new Binder(context, bind.ServiceBase), null]);
        }
    }

    /// <summary>The generated static BindService(ServiceBinderBase, XServiceBase) named by [BindServiceMethod] on a base class.</summary>
    private static (MethodInfo Method, Type ServiceBase)? BindMethod(Type service)
    {
        for (var type = service; type is not null; type = type.BaseType)
        {
            if (type.GetCustomAttribute<BindServiceMethodAttribute>(inherit: false) is { } attribute)
            {
                var method = attribute.BindType.GetMethod(attribute.BindMethodName, BindingFlags.Public | BindingFlags.Static,
                    [typeof(ServiceBinderBase), type]);
                return method is null ? null : (method, type);
            }
        }
        return null;
    }

    private sealed class Binder(ServiceMethodProviderContext<TService> context, Type serviceBase) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Handler<UnaryServerMethod<TService, TRequest, TResponse>>(method.Name, typeof(TRequest), typeof(ServerCallContext));
            context.AddUnaryMethod(Checked(method), metadata, invoker);
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Handler<ServerStreamingServerMethod<TService, TRequest, TResponse>>(
                method.Name, typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
            context.AddServerStreamingMethod(Checked(method), metadata, invoker);
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Handler<ClientStreamingServerMethod<TService, TRequest, TResponse>>(
                method.Name, typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext));
            context.AddClientStreamingMethod(Checked(method), metadata, invoker);
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Handler<DuplexStreamingServerMethod<TService, TRequest, TResponse>>(
                method.Name, typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
            context.AddDuplexStreamingMethod(Checked(method), metadata, invoker);
        }

        /// <summary>The service's override of the method, and its attributes after the class's (the method's win).</summary>
        private (TDelegate Invoker, List<object> Metadata) Handler<TDelegate>(string name, params Type[] parameters) where TDelegate : Delegate
        {
            var handler = typeof(TService).GetMethod(name, BindingFlags.Public | BindingFlags.Instance, parameters);
            if (handler is null || !handler.IsVirtual || handler.GetBaseDefinition().DeclaringType != serviceBase)
            {
                throw new InvalidOperationException($"{typeof(TService).Name} has no override of {serviceBase.Name}.{name}");
            }
            List<object> metadata =
            [
                .. typeof(TService).GetCustomAttributes(inherit: true),
                .. handler.GetCustomAttributes(inherit: true),
                new HttpMethodMetadata(["POST"], acceptCorsPreflight: true),
            ];
            return ((TDelegate)Delegate.CreateDelegate(typeof(TDelegate), handler), metadata);
        }
    }

    private static Method<TRequest, TResponse> Checked<TRequest, TResponse>(Method<TRequest, TResponse> method)
        where TRequest : class where TResponse : class => new(
        method.Type, method.ServiceName, method.Name,
        new Marshaller<TRequest>(method.RequestMarshaller.ContextualSerializer, Parse(method.RequestMarshaller.ContextualDeserializer)),
        new Marshaller<TResponse>(Write(method.ResponseMarshaller.ContextualSerializer), method.ResponseMarshaller.ContextualDeserializer));

    private static Func<DeserializationContext, T> Parse<T>(Func<DeserializationContext, T> parse) => context =>
    {
        T message;
        try
        {
            message = parse(context);
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or ArgumentException or InvalidOperationException)
        {
            throw ErrorStatus.InvalidArgument(
                [new FieldProblem("", $"the request is not a valid {typeof(T).Name} message in protobuf's binary format: {e.Message}")], 1);
        }
        if (message is IMessage parsed)
        {
            var problems = new Problems();
            RequestScreen.Find(parsed, problems);
            if (problems.Count > 0)
            {
                throw ErrorStatus.InvalidArgument(problems.All, problems.Count);
            }
        }
        return message;
    };

    private static Action<T, SerializationContext> Write<T>(Action<T, SerializationContext> write) => (message, context) =>
    {
        if (message is not null && EncodedResponses.Find(message) is { } bytes)
        {
            context.Complete(bytes);
        }
        else
        {
            write(message, context);
        }
    };
}

public static class CheckedServiceMethods
{
    /// <summary>Puts this binder in the place of grpc-dotnet's; call after every AddGrpc… (each would add grpc-dotnet's back).</summary>
    public static void Use(IServiceCollection services)
    {
        var theirs = services.Where(d => d.ServiceType == typeof(IServiceMethodProvider<>)
                                         && d.ImplementationType?.Name.StartsWith("BinderServiceMethodProvider", StringComparison.Ordinal) == true).ToList();
        if (theirs.Count != 1)
        {
            throw new InvalidOperationException(
                $"expected grpc-dotnet's BinderServiceMethodProvider once among the services, found it {theirs.Count} times: has Grpc.AspNetCore changed?");
        }
        services.Remove(theirs[0]);
        services.AddSingleton(typeof(IServiceMethodProvider<>), typeof(CheckedServiceMethods<>));
    }

}
