using System.Text;
using Planning.Server.Tests.Infrastructure;
using Planning.V1;

namespace Planning.Server.Tests.Properties;

/// <summary>One layer of an upload as it goes over the wire.</summary>
public sealed class LayerBytes(Layer layer, byte[] bytes)
{
    public Layer Layer { get; set; } = layer;

    public byte[] Bytes { get; set; } = bytes;

    /// <summary>Sent as one message instead of in chunks (to go over the server's message limit).</summary>
    public bool OneMessage { get; init; }
}

/// <summary>
/// One change that makes the tiny dataset invalid: on its JSON (Order 0 for features, 1 for
/// whole layers) or on the bytes sent (Order 2). <paramref name="Oversized"/> marks a change the
/// server may refuse as RESOURCE_EXHAUSTED rather than INVALID_ARGUMENT.
/// </summary>
public sealed record Mutation(
    string Description, int Order, Action<TinyDataset>? Json = null, Action<List<LayerBytes>>? Bytes = null,
    bool Oversized = false)
{
    public override string ToString() => Description;

    public static string Short(string text) => text.Length <= 90 ? text : $"{text[..70]}…({text.Length} chars)";
}

/// <summary>The tiny dataset with some mutations applied, ready to stream.</summary>
public sealed record BadUpload(IReadOnlyList<Mutation> Mutations)
{
    public bool Oversized => Mutations.Any(m => m.Oversized);

    public List<LayerBytes> Build()
    {
        var dataset = new TinyDataset();
        var ordered = Mutations.OrderBy(m => m.Order).ToList();
        foreach (var m in ordered)
        {
            m.Json?.Invoke(dataset);
        }
        var layers = dataset.Layers()
            .Select(l => new LayerBytes(l.Layer, Encoding.UTF8.GetBytes(BadJson.Unwrap(l.Json.ToJsonString()))))
            .ToList();
        foreach (var m in ordered)
        {
            m.Bytes?.Invoke(layers);
        }
        return layers;
    }

    public override string ToString() => string.Join(" + ", Mutations);
}
