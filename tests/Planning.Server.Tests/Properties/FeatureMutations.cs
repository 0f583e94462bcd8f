using System.Text.Json.Nodes;
using CsCheck;
using Planning.Server.Tests.Infrastructure;

namespace Planning.Server.Tests.Properties;

/// <summary>A layer of the tiny dataset: how to reach it, how many features it has, its fields.</summary>
public sealed record LayerInfo(string Name, Func<TinyDataset, JsonObject> Get, int Count, FeatureField[] Fields, bool Points)
{
    public static readonly LayerInfo[] All =
    [
        new("district", d => d.District, 1, FeatureFields.District, false),
        new("admin_areas", d => d.AdminAreas, 1, FeatureFields.AdminAreas, false),
        new("schools", d => d.Schools, 2, FeatureFields.Schools, true),
        new("residential_areas", d => d.ResidentialAreas, 3, FeatureFields.ResidentialAreas, false),
    ];

    public static JsonObject? Feature(TinyDataset d, LayerInfo layer, int index) =>
        layer.Get(d)["features"] is JsonArray features && index < features.Count ? features[index] as JsonObject : null;

    public static JsonObject? Properties(TinyDataset d, LayerInfo layer, int index) =>
        Feature(d, layer, index)?["properties"] as JsonObject;
}

/// <summary>Mutations of one feature: its geometry, one property, a missing property, a duplicate code.</summary>
public static class FeatureMutations
{
    private static Gen<(LayerInfo Layer, int Index)> Target(Func<LayerInfo, bool>? where = null) =>
        Gen.OneOf([.. LayerInfo.All.Where(where ?? (_ => true)).Select(l => Gen.Int[0, l.Count - 1].Select(i => (l, i)))]);

    public static readonly Gen<Mutation> Geometry = Target().SelectMany(t =>
        Gen.Frequency((9, t.Layer.Points ? BadGeometry.Point : BadGeometry.Area), (1, Gen.Const("")))
            .Select(json => new Mutation(
                $"{t.Layer.Name}[{t.Index}].geometry {(json.Length == 0 ? "missing" : "= " + Mutation.Short(json))}", 0,
                Json: d =>
                {
                    var feature = LayerInfo.Feature(d, t.Layer, t.Index)!;
                    if (json.Length == 0)
                    {
                        feature.Remove("geometry");
                    }
                    else
                    {
                        feature["geometry"] = BadJson.Node(json);
                    }
                })));

    public static readonly Gen<Mutation> Property = Target().SelectMany(t =>
        Gen.OneOf([.. t.Layer.Fields.Select(f => f.Bad.Select(bad => (f.Name, bad)))])
            .Select(p => new Mutation($"{t.Layer.Name}[{t.Index}].{p.Name} = {Mutation.Short(p.bad)}", 0,
                Json: d => LayerInfo.Properties(d, t.Layer, t.Index)![p.Name] = BadJson.Node(p.bad))));

    public static readonly Gen<Mutation> Missing = Target().SelectMany(t =>
        Gen.OneOf([.. t.Layer.Fields.Where(f => f.Required).Select(f => f.Name)])
            .Select(name => new Mutation($"{t.Layer.Name}[{t.Index}].{name} missing", 0,
                Json: d => LayerInfo.Properties(d, t.Layer, t.Index)!.Remove(name))));

    public static readonly Gen<Mutation> DuplicateCode = Target(l => l.Count > 1).SelectMany(t =>
        Gen.Int[0, t.Layer.Count - 1].Where(other => other != t.Index)
            .Select(other => new Mutation($"{t.Layer.Name}[{t.Index}].code = code of [{other}]", 0,
                Json: d => LayerInfo.Properties(d, t.Layer, t.Index)!["code"] =
                    LayerInfo.Properties(d, t.Layer, other)!["code"]?.DeepClone())));
}
