using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SafeWrites.Analyzers.Core;

namespace SafeWrites.Analyzers.Writes;

/// <summary>Which JSON library produced a piece of JSON text (the fixes differ).</summary>
internal enum JsonSource
{
    None,

    /// <summary><c>System.Text.Json.JsonSerializer.Serialize(value[, options | typeInfo])</c> / <c>SerializeToUtf8Bytes</c>, inline.</summary>
    SystemTextJsonSerializer,

    /// <summary>Any other JSON text: Newtonsoft, <c>JsonNode.ToJsonString()</c>, <c>JToken.ToString()</c>, a local holding one.</summary>
    Other,
}

/// <summary>"What content does a write carry?": recognizes JSON text and JSON bytes.</summary>
internal static class JsonText
{
    /// <summary>
    /// True when <paramref name="value"/> is JSON text or UTF-8 JSON bytes: the result of a serializer call,
    /// <c>Encoding.GetBytes</c> of one, or a local assigned only from those in the same method.
    /// </summary>
    public static bool IsJson(IOperation? value, KnownSymbols symbols) => Classify(value, symbols, depth: 0) != JsonSource.None;

    /// <summary>Like <see cref="IsJson"/>, telling whether it is an inline System.Text.Json serializer call.</summary>
    public static JsonSource Classify(IOperation? value, KnownSymbols symbols) => Classify(value, symbols, depth: 0);

    private static JsonSource Classify(IOperation? value, KnownSymbols symbols, int depth)
    {
        value = value.WalkDownConversions();
        if (value is null || depth > 3)
        {
            return JsonSource.None;
        }

        if (value is IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if ((KnownSymbols.Contains(symbols.StjSerialize, method) && method.ReturnType.SpecialType == SpecialType.System_String)
                || KnownSymbols.Contains(symbols.StjSerializeToUtf8Bytes, method))
            {
                return JsonSource.SystemTextJsonSerializer;
            }

            if (KnownSymbols.Contains(symbols.JsonConvertSerializeObject, method)
                || KnownSymbols.Contains(symbols.JsonNodeToJsonString, method)
                || (method.Name == "ToString" && KnownSymbols.InheritsFrom(invocation.Instance?.Type, symbols.JToken)))
            {
                return JsonSource.Other;
            }

            // Encoding.UTF8.GetBytes(json) carries JSON too.
            if (KnownSymbols.Contains(symbols.EncodingGetBytes, method) && invocation.Arguments.Length >= 1
                && Classify(invocation.Arguments[0].Value, symbols, depth + 1) != JsonSource.None)
            {
                return JsonSource.Other;
            }

            return JsonSource.None;
        }

        if (value is ILocalReferenceOperation local)
        {
            var assigned = OperationHelpers.AssignedValues(value.Root(), local.Local);
            if (assigned.Count == 0)
            {
                return JsonSource.None;
            }

            foreach (var assignedValue in assigned)
            {
                if (Classify(assignedValue, symbols, depth + 1) == JsonSource.None)
                {
                    return JsonSource.None;
                }
            }

            return JsonSource.Other;
        }

        return JsonSource.None;
    }
}
