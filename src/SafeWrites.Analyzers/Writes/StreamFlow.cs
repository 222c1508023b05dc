using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SafeWrites.Analyzers.Core;

namespace SafeWrites.Analyzers.Writes;

/// <summary>Where the stream or writer returned by an opener goes in its method, as found by <see cref="StreamFlow.Analyze"/>.</summary>
internal sealed class StreamUse
{
    /// <summary>Content is written through it: <c>Write…</c>, <c>CopyTo(it)</c>, a written wrapper, a serializer, a method it is passed to.</summary>
    public bool IsWritten { get; set; }

    /// <summary>It leaves the method: returned, stored in a field or property, or kept by an object it is passed to.</summary>
    public bool Escapes { get; set; }

    /// <summary>It leaves the method to code whose writes are not seen (returned, a member, outside code); unlike <see cref="Escapes"/>, not when kept by a type of the compilation that never writes it.</summary>
    public bool EscapesUnseen { get; set; }

    /// <summary>Fields and properties it (or a wrapper) is stored in.</summary>
    public List<ISymbol> Members { get; } = new();

    /// <summary>The method returns it (a wrapper opener: its callers write, not it).</summary>
    public bool Returned { get; set; }

    /// <summary>A <c>Write…</c> call on it or on a wrapper of it, a JSON writer over it, or a type of the compilation that keeps and writes it (not a hand-off to unseen code).</summary>
    public bool WrittenDirectly { get; set; }

    /// <summary>Content is read from it: a reader over it, a <c>Read…</c> call, a method that reads, deserializes, loads or parses it.</summary>
    public bool IsRead { get; set; }

    /// <summary>Calls and constructions it (or a wrapper) is handed to, other than wrappers and readers.</summary>
    public List<IOperation> HandedTo { get; } = new();

    /// <summary>The first JSON-writing construct over it, in source order (SW1002's report location).</summary>
    public IOperation? FirstJsonWrite { get; set; }

    /// <summary>The local the opener's result is stored in directly (<c>var fs = File.Create(p)</c>), if any.</summary>
    public ILocalSymbol? Holder { get; set; }

    /// <summary>Streams and writers created over it (<c>new StreamWriter(fs)</c>, <c>new Utf8JsonWriter(fs)</c> …), outermost last.</summary>
    public List<IObjectCreationOperation> Wrappers { get; } = new();

    /// <summary>Locals that hold it or a wrapper of it.</summary>
    public List<ILocalSymbol> Locals { get; } = new();
}

/// <summary>
/// Follows a stream or writer from its opener through locals, fields, wrapping streams and writers, and
/// serializers, within the opener's method (lambdas and local functions included).
/// </summary>
internal static class StreamFlow
{
    private const int MaxDepth = 8;

    public static StreamUse Analyze(IOperation opener, KnownSymbols symbols)
    {
        var use = new StreamUse();
        var walker = new Walker(opener.Root(), symbols, use, null);
        walker.Follow(opener, 0);
        return use;
    }

    /// <summary>
    /// Follows a stream or writer held by <paramref name="value"/> (a parameter or member reference) into <paramref name="use"/>;
    /// stores into the members <paramref name="keeper"/> follows are queued there instead of counting as escapes.
    /// </summary>
    public static void FollowFrom(IOperation value, KnownSymbols symbols, StreamUse use, MemberKeeper keeper)
        => new Walker(value.Root(), symbols, use, keeper).Follow(value, 1);

    /// <summary>A type whose instances write through to a stream or writer they are constructed over.</summary>
    public static bool IsWrapperType(ITypeSymbol? type, KnownSymbols symbols)
        => KnownSymbols.InheritsFrom(type, symbols.Stream)
           || KnownSymbols.InheritsFrom(type, symbols.TextWriter)
           || KnownSymbols.InheritsFrom(type, symbols.BinaryWriter)
           || KnownSymbols.InheritsFrom(type, symbols.XmlWriter)
           || IsJsonWriterType(type, symbols);

    /// <summary><c>Utf8JsonWriter</c> or a Newtonsoft <c>JsonWriter</c> (<c>JsonTextWriter</c>): token-by-token JSON writers.</summary>
    public static bool IsJsonWriterType(ITypeSymbol? type, KnownSymbols symbols)
        => symbols.IsType(type, symbols.Utf8JsonWriter) || KnownSymbols.InheritsFrom(type, symbols.NewtonsoftJsonWriter);

    /// <summary>A serializer call that writes JSON into the stream or writer it is given.</summary>
    public static bool IsJsonSerializeInto(IInvocationOperation invocation, KnownSymbols symbols)
    {
        var method = invocation.TargetMethod;
        if (KnownSymbols.Contains(symbols.StjSerializeAsync, method) || KnownSymbols.Contains(symbols.NewtonsoftSerialize, method))
        {
            return true;
        }

        return KnownSymbols.Contains(symbols.StjSerialize, method) && method.ReturnsVoid;
    }

    /// <summary><c>writer.Write(json)</c> / <c>stream.Write(jsonBytes)</c>: a write call whose first argument is JSON text.</summary>
    public static bool IsJsonTextWrite(IInvocationOperation invocation, KnownSymbols symbols)
        => IsWriteMethod(invocation.TargetMethod) && invocation.Arguments.Length >= 1 && JsonText.IsJson(invocation.Arguments[0].Value, symbols);

    private static bool IsWriteMethod(IMethodSymbol? method)
        => method is not null && method.Name.StartsWith("Write", System.StringComparison.Ordinal);

    /// <summary>A method whose name says it reads what it is given: <c>Read…</c>, <c>Deserialize…</c>, <c>Load…</c>, <c>Parse…</c>.</summary>
    public static bool IsReadMethod(IMethodSymbol? method)
    {
        if (method is null)
        {
            return false;
        }

        var name = method.Name;
        return name.StartsWith("Read", System.StringComparison.Ordinal)
               || name.StartsWith("Deserialize", System.StringComparison.Ordinal)
               || name.StartsWith("Load", System.StringComparison.Ordinal)
               || name.StartsWith("Parse", System.StringComparison.Ordinal);
    }

    private sealed class Walker
    {
        private readonly IOperation _root;
        private readonly KnownSymbols _symbols;
        private readonly StreamUse _use;
        private readonly MemberKeeper? _keeper;
        private readonly HashSet<ISymbol> _followed = new(SymbolEqualityComparer.Default);

        public Walker(IOperation root, KnownSymbols symbols, StreamUse use, MemberKeeper? keeper)
        {
            _root = root;
            _symbols = symbols;
            _use = use;
            _keeper = keeper;
        }

        /// <summary>Looks at what consumes the value of <paramref name="value"/> (a stream or writer).</summary>
        public void Follow(IOperation value, int depth)
        {
            if (depth > MaxDepth)
            {
                return;
            }

            var consumer = value.ConsumerOf(out var consumed);
            switch (consumer)
            {
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    if (depth == 0)
                    {
                        _use.Holder = declarator.Symbol;
                    }

                    FollowSymbol(declarator.Symbol, depth);
                    break;

                case ISimpleAssignmentOperation assignment when assignment.Value == consumed:
                    FollowStore(assignment.Target.ReferencedSymbol(), depth);
                    break;

                case ICoalesceAssignmentOperation assignment when assignment.Value == consumed:
                    FollowStore(assignment.Target.ReferencedSymbol(), depth);
                    break;

                case IArgumentOperation { Parent: IObjectCreationOperation creation } argument:
                    FollowCreationArgument(creation, argument, depth);
                    break;

                case IArgumentOperation { Parent: IInvocationOperation invocation }:
                    // Passed to a method: assume it writes, unless the method evidently only reads.
                    _use.IsWritten |= !IsReadMethod(invocation.TargetMethod);
                    _use.IsRead |= IsReadMethod(invocation.TargetMethod);
                    _use.HandedTo.Add(invocation);
                    if (IsJsonSerializeInto(invocation, _symbols))
                    {
                        RecordJson(invocation);
                    }

                    break;

                case IInvocationOperation invocation when invocation.Instance == consumed:
                    _use.IsRead |= invocation.TargetMethod.Name.StartsWith("Read", System.StringComparison.Ordinal);
                    if (IsWriteMethod(invocation.TargetMethod))
                    {
                        _use.IsWritten = true;
                        _use.WrittenDirectly = true;
                        if (IsJsonTextWrite(invocation, _symbols))
                        {
                            RecordJson(invocation);
                        }
                    }

                    break;

                case IReturnOperation:
                    _use.Escapes = true;
                    _use.EscapesUnseen = true;
                    _use.Returned = true;
                    break;

                case IConditionalOperation or ICoalesceOperation:
                    Follow(consumer, depth + 1);
                    break;
            }
        }

        private void FollowStore(ISymbol? target, int depth)
        {
            if (target is ILocalSymbol local)
            {
                FollowSymbol(local, depth);
            }
            else if (_keeper is not null && _keeper.Keep(target))
            {
                // A member of the type being looked into: its uses in the type are followed next.
                _use.Escapes = true;
            }
            else
            {
                // A field, a property, an out/ref parameter: its writes happen out of sight.
                _use.Escapes = true;
                _use.EscapesUnseen = true;
                if (target is IFieldSymbol or IPropertySymbol)
                {
                    _use.Members.Add(target);
                }

                if (target is not null)
                {
                    FollowSymbol(target, depth);
                }
            }
        }

        private void FollowCreationArgument(IObjectCreationOperation creation, IArgumentOperation argument, int depth)
        {
            var type = creation.Type;
            if (KnownSymbols.InheritsFrom(type, _symbols.TextReader) || KnownSymbols.InheritsFrom(type, _symbols.BinaryReader))
            {
                _use.IsRead = true;
                return;
            }

            if (IsWrapperType(type, _symbols))
            {
                _use.Wrappers.Add(creation);
                if (IsJsonWriterType(type, _symbols))
                {
                    _use.WrittenDirectly = true;
                    RecordJson(creation);
                }

                Follow(creation, depth + 1);
                return;
            }

            _use.HandedTo.Add(creation);
            _use.Escapes = true;

            // Kept by an object of the compilation: its type's uses of the member tell (a lock handle never writes it).
            if (KeptStreams.Get(_symbols).Writes(creation, argument) is { } seen)
            {
                _use.IsWritten |= seen;
                _use.WrittenDirectly |= seen;
                return;
            }

            // Kept by an object we cannot see into (an archive, a logger …): assume it writes.
            _use.IsWritten = true;
            _use.EscapesUnseen = true;
        }

        private void FollowSymbol(ISymbol symbol, int depth)
        {
            if (!_followed.Add(symbol))
            {
                return;
            }

            if (symbol is ILocalSymbol local)
            {
                _use.Locals.Add(local);
            }

            foreach (var reference in OperationHelpers.FindReferences(_root, symbol))
            {
                if (reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference)
                {
                    continue;
                }

                Follow(reference, depth + 1);
            }
        }

        private void RecordJson(IOperation construct)
        {
            if (_use.FirstJsonWrite is null || construct.Syntax.SpanStart < _use.FirstJsonWrite.Syntax.SpanStart)
            {
                _use.FirstJsonWrite = construct;
            }
        }
    }
}
