using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Planning.Server.Common;

/// <summary>
/// What no request may hold anywhere, checked on every message before any handler sees it
/// (Hosting.CheckedServiceMethods), each named by its field path, e.g. "changes[2].open_school.school.level":
/// <list type="bullet">
/// <item>an enum value this server does not know (a newer client's, or garbage), which protobuf keeps as
/// the number it came as: no handler may take one for a default or drop a filter over it;</item>
/// <item>a NUL character in a string: no field means one, and PostgreSQL cannot store it (22P05).</item>
/// </list>
/// </summary>
public static class RequestScreen
{
    public static void Find(IMessage message, Problems problems) => Find(message, "", problems);

    private static void Find(IMessage message, string prefix, Problems problems)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var path = prefix + field.Name;
            if (field.IsMap)
            {
                continue; // the contract has no maps of enums or messages
            }
            var value = field.Accessor.GetValue(message);
            if (field.IsRepeated)
            {
                var i = 0;
                foreach (var item in (System.Collections.IList)value)
                {
                    Check(field, item, $"{path}[{i++}]", problems);
                }
            }
            else if (field.FieldType is FieldType.Message or FieldType.Enum or FieldType.String)
            {
                Check(field, value, path, problems);
            }
        }
    }

    private static void Check(FieldDescriptor field, object? value, string path, Problems problems)
    {
        if (field.FieldType == FieldType.String && value is string text && text.Contains('\0', StringComparison.Ordinal))
        {
            problems.Add(path, "must not contain the NUL character (U+0000)");
        }
        else if (field.FieldType == FieldType.Enum && value is not null)
        {
            var number = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
            if (field.EnumType.FindValueByNumber(number) is null)
            {
                problems.Add(path, $"{number} is not a value of {field.EnumType.FullName}; known: " +
                                   string.Join(", ", field.EnumType.Values.Select(v => v.Name)));
            }
        }
        else if (field.FieldType == FieldType.Message && value is IMessage inner)
        {
            Find(inner, path + ".", problems);
        }
    }
}
