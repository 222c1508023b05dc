using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SafeWrites.Analyzers.Core;

namespace SafeWrites.Analyzers.Writes;

/// <summary>How a publish step brings the temporary file over the destination.</summary>
internal enum PublishKind
{
    /// <summary><c>File.Move</c>, <c>FileInfo.MoveTo</c>: a rename.</summary>
    Move,

    /// <summary><c>File.Replace</c>, <c>FileInfo.Replace</c>: a rename that keeps the destination until it is replaced.</summary>
    Replace,

    /// <summary><c>File.Copy</c>, <c>FileInfo.CopyTo</c>: the destination is rewritten in place.</summary>
    Copy,
}

/// <summary>A write of the temporary file that a publish step brings over its destination.</summary>
internal sealed class TempWrite
{
    public TempWrite(FileWrite write, bool inPublishMethod)
    {
        Write = write;
        InPublishMethod = inPublishMethod;
    }

    public FileWrite Write { get; }

    /// <summary>The write sits in the method of the publish step (else in a callee, a caller or another member of the type).</summary>
    public bool InPublishMethod { get; }

    /// <summary>True when the content is on disk before the publish step: flushed on every path after the last write (SW1005).</summary>
    public bool IsFlushed { get; set; }

    /// <summary>The writing stream is still open when the publish step runs (a <c>using</c> disposing after it, or never closed).</summary>
    public bool IsOpenAtPublish { get; set; }

    /// <summary>Opened without truncation (<c>File.OpenWrite</c>, <c>FileMode.OpenOrCreate</c>): an earlier, longer content leaves its tail.</summary>
    public bool KeepsOldTail => Write.Mode == FileWriteMode.OverwriteIfWritten || Write.Method?.Name == "OpenWrite";

    /// <summary>For openers: where the stream goes in its method.</summary>
    public StreamUse? StreamUse { get; set; }
}

/// <summary>
/// One temp-then-rename publish: a move, replace or copy of a temporary file over its destination, with what the
/// model knows of the temporary file (its writes, flushes, directory, name) and of the destination (removed before).
/// SW1003–SW1006 each ask one question of it.
/// </summary>
internal sealed class Publish
{
    public Publish(IInvocationOperation step, PublishKind kind, IOperation source, IOperation destination)
    {
        Step = step;
        Kind = kind;
        Source = source;
        Destination = destination;
    }

    /// <summary>The <c>File.Move</c> / <c>Replace</c> / <c>Copy</c> / <c>FileInfo.MoveTo</c> … call.</summary>
    public IInvocationOperation Step { get; }

    public PublishKind Kind { get; }

    /// <summary>The temporary path (the <c>FileInfo</c> instance for <c>FileInfo</c> methods).</summary>
    public IOperation Source { get; }

    public IOperation Destination { get; }

    /// <summary>Writes of the source found in the type (same method first).</summary>
    public List<TempWrite> Writes { get; } = new();

    /// <summary>SW1003: the source lies in the temp directory, the destination does not, and this step is not a staging move.</summary>
    public bool IsFromTempDirectory { get; set; }

    /// <summary>SW1004: deletes or moves-away of the destination before the step, in the same method.</summary>
    public List<IInvocationOperation> Removals { get; } = new();

    /// <summary>SW1006: the expression that derives a fixed temporary name from the destination (or a constant), if any.</summary>
    public IOperation? FixedName { get; set; }

    /// <summary>SW1005: the step renames (not copies) a file written here whose content may not be on disk.</summary>
    public TempWrite? Unflushed
    {
        get
        {
            if (Kind == PublishKind.Copy)
            {
                return null;
            }

            foreach (var write in Writes)
            {
                if (!write.IsFlushed)
                {
                    return write;
                }
            }

            return null;
        }
    }
}

/// <summary>
/// The temp-then-rename model of the write family: from a publish step (move, replace, copy of one path over
/// another), finds the writes of the temporary file (in the same method, a callee of the type, a caller of the type
/// that passes the path, or any member of the type through the same field or property), whether each reached the
/// disk before the step, where the temporary file lies and how its name is made, and whether the destination was
/// removed first. Built on <see cref="FileWrites"/>, <see cref="StreamFlow"/> and <see cref="TempPaths"/>.
/// </summary>
internal static class Publishes
{
    // FileOptions.WriteThrough.
    private const long WriteThrough = unchecked((int)0x80000000);

    /// <summary>Analyzes a call that may publish a temporary file; false for anything else and for moves of files nothing here wrote.</summary>
    public static bool TryAnalyze(IInvocationOperation invocation, KnownSymbols symbols, out Publish publish)
    {
        publish = null!;
        if (!TryGetStep(invocation, symbols, out var kind, out var source, out var destination))
        {
            return false;
        }

        var candidate = new Publish(invocation, kind, source, destination);
        FindWrites(candidate, symbols);
        var fromTemp = TempPaths.IsInTempDirectory(source, symbols) && !TempPaths.IsInTempDirectory(destination, symbols);
        if (candidate.Writes.Count == 0 && !fromTemp)
        {
            return false;
        }

        // A move into the destination's directory that is then moved or replaced again is a staging step, not the publish.
        var staging = TempPaths.IsMovedLater(destination, symbols);
        candidate.IsFromTempDirectory = fromTemp && !staging;
        if (kind != PublishKind.Replace && !staging)
        {
            FindRemovals(candidate, symbols);
        }

        if (candidate.Writes.Count > 0)
        {
            candidate.FixedName = FixedNames.Find(candidate, symbols);
        }

        publish = candidate;
        return true;
    }

    /// <summary>A move, replace or copy: its source and destination operands.</summary>
    public static bool TryGetStep(IInvocationOperation invocation, KnownSymbols symbols, out PublishKind kind, out IOperation source, out IOperation destination)
    {
        kind = default;
        source = null!;
        destination = null!;
        var method = invocation.TargetMethod;
        if (method?.ContainingType is not { } type)
        {
            return false;
        }

        if (!symbols.IsFileApiType(type))
        {
            return TryGetDescribedStep(invocation, symbols, out kind, out source, out destination);
        }

        IOperation? from, to;
        if (KnownSymbols.Contains(symbols.FileMoves, method) || KnownSymbols.Contains(symbols.FileCopies, method))
        {
            from = invocation.ArgumentValue(0);
            to = invocation.ArgumentValue(1);
        }
        else if (KnownSymbols.Contains(symbols.FileInfoMoves, method) || KnownSymbols.Contains(symbols.FileInfoCopies, method))
        {
            from = invocation.Instance;
            to = invocation.ArgumentValue(0);
        }
        else
        {
            return false;
        }

        if (from is null || to is null)
        {
            return false;
        }

        kind = method.Name switch
        {
            "Replace" => PublishKind.Replace,
            "Copy" or "CopyTo" => PublishKind.Copy,
            _ => PublishKind.Move,
        };
        source = from;
        destination = to;
        return true;
    }

    /// <summary>A move, replace or copy through a wrapper of the compilation or a user-listed method (<see cref="WriteMethods"/>).</summary>
    private static bool TryGetDescribedStep(IInvocationOperation invocation, KnownSymbols symbols, out PublishKind kind, out IOperation source, out IOperation destination)
    {
        var described = WriteMethods.Get(symbols).TryGetTransfer(invocation, out var how, out source, out destination);
        kind = how switch
        {
            WriteMethodKind.Replace => PublishKind.Replace,
            WriteMethodKind.Copy => PublishKind.Copy,
            _ => PublishKind.Move,
        };
        return described;
    }

    // ------------------------------------------------------------------ writes of the temporary file

    private static void FindWrites(Publish publish, KnownSymbols symbols)
    {
        var step = publish.Step;
        var root = step.Root();
        var seen = new HashSet<IOperation>();

        // The publish method, and the methods of the type it calls before the step (the path passed along or kept in a member).
        foreach (var operation in root.Descendants())
        {
            if (operation.Syntax.SpanStart >= step.Syntax.SpanStart || !IsBefore(operation, step))
            {
                continue;
            }

            if (IsTempWrite(operation, publish.Source, null, symbols, out var write) && seen.Add(operation))
            {
                publish.Writes.Add(Analyze(write, publish, inPublishMethod: true, symbols));
            }
            else if (operation is IInvocationOperation call && Callee(call) is { } calleeBody)
            {
                foreach (var inner in calleeBody.Descendants())
                {
                    if (IsTempWrite(inner, publish.Source, call, symbols, out var calleeWrite) && seen.Add(inner))
                    {
                        publish.Writes.Add(Analyze(calleeWrite, publish, inPublishMethod: false, symbols));
                    }
                }
            }
        }

        if (publish.Writes.Count > 0)
        {
            return;
        }

        // The source is a parameter: the callers of the type that write the path before passing it (one level).
        if (publish.Source.WalkDownConversions() is IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol publisher } parameter })
        {
            foreach (var call in CallsOf(publisher, step.SemanticModel))
            {
                foreach (var operation in call.Root().Descendants())
                {
                    if (operation.Syntax.SpanStart < call.Syntax.SpanStart
                        && FileWrites.TryClassify(operation, symbols, out var write) && write.Mode != FileWriteMode.None && !WritesDerivedPath(write)
                        && TempPaths.IsSamePath(write.Path, null, call.ArgumentValue(parameter.Ordinal), null, symbols) && seen.Add(operation))
                    {
                        publish.Writes.Add(Analyze(write, publish, inPublishMethod: false, symbols));
                    }
                }
            }

            return;
        }

        // The source is a field or property of the type: its writes in the other members of the type (same file).
        if (publish.Source.ReferencedSymbol() is IFieldSymbol or IPropertySymbol && publish.Source.ReferencedSymbol() is { } member)
        {
            foreach (var operation in MemberUses(member, step.SemanticModel))
            {
                if (operation.Root() != root && IsTempWrite(operation, publish.Source, null, symbols, out var write) && seen.Add(operation))
                {
                    publish.Writes.Add(Analyze(write, publish, inPublishMethod: false, symbols));
                }
            }
        }
    }

    private static bool IsTempWrite(IOperation operation, IOperation source, IInvocationOperation? callSite, KnownSymbols symbols, out FileWrite write)
        => FileWrites.TryClassify(operation, symbols, out write)
           && write.Mode != FileWriteMode.None
           && !WritesDerivedPath(write)
           && TempPaths.IsSamePath(write.Path, callSite, source, null, symbols);

    /// <summary>A wrapper that writes a file beside the path it is given (<see cref="WriteMethod.PathIsDerived"/>) does not write that path.</summary>
    private static bool WritesDerivedPath(FileWrite write) => write.Through?.PathIsDerived == true;

    /// <summary>False when <paramref name="operation"/> sits in a lambda or local function that the step is not in (it may run later, or never).</summary>
    private static bool IsBefore(IOperation operation, IOperation step)
        => ReferenceEquals(EnclosingFunction(operation), EnclosingFunction(step));

    private static IOperation? EnclosingFunction(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return current;
            }
        }

        return null;
    }

    /// <summary>The body of a method of the step's own type declared in the same file, else null.</summary>
    private static IOperation? Callee(IInvocationOperation call)
    {
        var method = call.TargetMethod;
        var containingType = call.SemanticModel?.GetEnclosingSymbol(call.Syntax.SpanStart)?.ContainingType;
        if (method is not { MethodKind: MethodKind.Ordinary } || containingType is null
            || !SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, containingType.OriginalDefinition))
        {
            return null;
        }

        return OperationHelpers.BodyOf(method.OriginalDefinition, call.SemanticModel);
    }

    /// <summary>The calls of <paramref name="method"/> in its type (same file).</summary>
    public static List<IInvocationOperation> CallsOf(IMethodSymbol method, SemanticModel? semanticModel)
    {
        var calls = new List<IInvocationOperation>();
        foreach (var declaration in TypeDeclarations(method.ContainingType, semanticModel))
        {
            foreach (var node in TypeSyntaxIndex.Get(declaration).InvocationsNamed(method.Name))
            {
                if (semanticModel!.GetOperation(node) is IInvocationOperation call
                    && SymbolEqualityComparer.Default.Equals(call.TargetMethod?.OriginalDefinition, method.OriginalDefinition))
                {
                    calls.Add(call);
                }
            }
        }

        return calls;
    }

    /// <summary>The file API calls and constructions of the type (same file) whose arguments name <paramref name="member"/>.</summary>
    private static IEnumerable<IOperation> MemberUses(ISymbol member, SemanticModel? semanticModel)
    {
        foreach (var declaration in TypeDeclarations(member.ContainingType, semanticModel))
        {
            foreach (var node in declaration.DescendantNodes())
            {
                if (node is IdentifierNameSyntax name && name.Identifier.ValueText == member.Name
                    && name.FirstAncestorOrSelf<ArgumentSyntax>()?.Parent?.Parent is { } call
                    && call is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax
                    && semanticModel!.GetOperation(call) is { } operation)
                {
                    yield return operation;
                }
            }
        }
    }

    public static IEnumerable<SyntaxNode> TypeDeclarations(INamedTypeSymbol? type, SemanticModel? semanticModel)
    {
        if (type is null || semanticModel is null)
        {
            yield break;
        }

        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == semanticModel.SyntaxTree)
            {
                yield return reference.GetSyntax();
            }
        }
    }

    // ------------------------------------------------------------------ flushed? still open?

    private static TempWrite Analyze(FileWrite write, Publish publish, bool inPublishMethod, KnownSymbols symbols)
    {
        var result = new TempWrite(write, inPublishMethod);
        if (write.Shape == FileWriteShape.WholeContent)
        {
            // File.WriteAllText & co. never flush to disk.
            return result;
        }

        var use = StreamFlow.Analyze(write.Operation, symbols);
        result.StreamUse = use;
        var scopeEnd = inPublishMethod ? publish.Step : null;
        result.IsOpenAtPublish = inPublishMethod && IsOpenAt(write.Operation, use, publish.Step);
        result.IsFlushed = OpensWriteThrough(write.Operation, symbols) || IsFlushedToDisk(write.Operation, use, scopeEnd, symbols);
        return result;
    }

    private static bool OpensWriteThrough(IOperation opener, KnownSymbols symbols)
    {
        var arguments = opener switch
        {
            IInvocationOperation invocation => invocation.Arguments,
            IObjectCreationOperation creation => creation.Arguments,
            _ => default,
        };

        if (arguments.IsDefaultOrEmpty)
        {
            return false;
        }

        if (OperationHelpers.ArgumentOfType(arguments, symbols.FileOptions).TryGetConstant(out var options))
        {
            return (options & WriteThrough) != 0;
        }

        // new FileStreamOptions { Options = FileOptions.WriteThrough, … }
        if (OperationHelpers.ArgumentOfType(arguments, symbols.FileStreamOptions).WalkDownConversions() is IObjectCreationOperation { Initializer: { } initializer })
        {
            foreach (var member in initializer.Initializers)
            {
                if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Options" } } assignment
                    && assignment.Value.TryGetConstant(out var value))
                {
                    return (value & WriteThrough) != 0;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// A flush to disk of the stream (or a method of the compilation doing one, given the stream) that runs on every
    /// path to <paramref name="step"/> (or to the end of the writing method), after the last write, with every
    /// buffering writer over the stream flushed or closed before it.
    /// </summary>
    private static bool IsFlushedToDisk(IOperation opener, StreamUse use, IOperation? step, KnownSymbols symbols)
    {
        var root = opener.Root();
        var limit = step?.Syntax.SpanStart ?? int.MaxValue;
        var lastWrite = opener.Syntax.SpanStart;
        var writerWrites = new Dictionary<ISymbol, int>(SymbolEqualityComparer.Default);
        var writerFlushes = new Dictionary<ISymbol, int>(SymbolEqualityComparer.Default);
        var diskFlushes = new List<IInvocationOperation>();

        foreach (var operation in root.Descendants())
        {
            if (operation is not IInvocationOperation call || call.Syntax.SpanStart >= limit)
            {
                continue;
            }

            var onStream = StreamArgumentOrInstance(call, use, opener, out var local);
            if (!onStream)
            {
                continue;
            }

            if (IsDiskFlush(call, symbols))
            {
                diskFlushes.Add(call);
                continue;
            }

            var name = call.TargetMethod.Name;
            if (name is "Flush" or "FlushAsync" or "Close" or "Dispose" or "DisposeAsync")
            {
                if (local is not null)
                {
                    writerFlushes[local] = call.Syntax.SpanStart;
                }

                continue;
            }

            lastWrite = System.Math.Max(lastWrite, call.Syntax.SpanStart);
            if (local is not null && !IsFileStreamLocal(local, symbols))
            {
                writerWrites[local] = call.Syntax.SpanStart;
            }
        }

        foreach (var flush in diskFlushes)
        {
            var at = flush.Syntax.SpanStart;
            if (at < lastWrite || !RunsOnEveryPath(flush, step))
            {
                continue;
            }

            var writersFlushed = true;
            foreach (var writer in writerWrites)
            {
                if (!writerFlushes.TryGetValue(writer.Key, out var flushedAt) || flushedAt < writer.Value || flushedAt > at)
                {
                    writersFlushed = false;
                }
            }

            if (writersFlushed)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsFileStreamLocal(ISymbol local, KnownSymbols symbols)
        => local is ILocalSymbol { Type: var type } && KnownSymbols.InheritsFrom(type, symbols.FileStream);

    /// <summary>The call is made on the stream or a writer over it, or is given one of them (<c>Helper.FlushToDisk(fs)</c>, <c>RandomAccess.FlushToDisk(fs.SafeFileHandle)</c>).</summary>
    private static bool StreamArgumentOrInstance(IInvocationOperation call, StreamUse use, IOperation opener, out ISymbol? local)
    {
        local = null;
        if (call.Instance is { } instance && Names(instance, use, opener, out local))
        {
            return true;
        }

        foreach (var argument in call.Arguments)
        {
            var value = argument.Value.WalkDownConversions();
            if (value is IPropertyReferenceOperation { Instance: { } owner })
            {
                value = owner; // fs.SafeFileHandle
            }

            if (value is not null && Names(value, use, opener, out local))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Names(IOperation operand, StreamUse use, IOperation opener, out ISymbol? local)
    {
        local = null;
        operand = operand.WalkDownConversions()!;
        if (operand == opener)
        {
            return true;
        }

        if (operand.ReferencedSymbol() is ILocalSymbol symbol && use.Locals.Contains(symbol))
        {
            local = symbol;
            return true;
        }

        return false;
    }

    /// <summary><c>fs.Flush(true)</c>, <c>RandomAccess.FlushToDisk</c>, or a method of the compilation (same file) whose body does one of those.</summary>
    private static bool IsDiskFlush(IInvocationOperation call, KnownSymbols symbols)
    {
        if (IsDirectDiskFlush(call, symbols))
        {
            return true;
        }

        if (call.TargetMethod is { } method && !method.DeclaringSyntaxReferences.IsEmpty
            && OperationHelpers.BodyOf(method.OriginalDefinition, call.SemanticModel) is { } body)
        {
            foreach (var inner in body.Descendants())
            {
                if (inner is IInvocationOperation innerCall && IsDirectDiskFlush(innerCall, symbols))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsDirectDiskFlush(IInvocationOperation call, KnownSymbols symbols)
    {
        if (!KnownSymbols.ContainsOrOverrides(symbols.FlushesToDisk, call.TargetMethod))
        {
            return false;
        }

        // Flush(flushToDisk: true); FlushToDisk(handle) has no flag.
        var flag = call.Arguments.Length == 1 && call.TargetMethod.Parameters[0].Type.SpecialType == SpecialType.System_Boolean
            ? call.Arguments[0].Value
            : null;
        return flag is null || flag.ConstantValue is { HasValue: true, Value: true };
    }

    /// <summary>
    /// True when nothing between <paramref name="operation"/> and the code it shares with <paramref name="step"/>
    /// (or the method body, when <paramref name="step"/> is null) makes it conditional: a branch of an <c>if</c>, a
    /// switch section, a loop body, a <c>catch</c>, a <c>?.</c>, a lambda.
    /// </summary>
    public static bool RunsOnEveryPath(IOperation operation, IOperation? step)
    {
        var stepSpan = step?.Syntax.Span;
        for (IOperation? current = operation, parent = operation.Parent; parent is not null; current = parent, parent = parent.Parent)
        {
            if (stepSpan is { } span && parent.Syntax.Span.Contains(span))
            {
                return true;
            }

            switch (parent)
            {
                case IConditionalOperation conditional when conditional.Condition != current:
                case ISwitchCaseOperation:
                case ISwitchExpressionArmOperation:
                case ILoopOperation loop when current != (loop as IWhileLoopOperation)?.Condition:
                case ICatchClauseOperation:
                case IConditionalAccessOperation access when access.WhenNotNull == current:
                case IAnonymousFunctionOperation:
                case ILocalFunctionOperation:
                case ICoalesceOperation coalesce when coalesce.WhenNull == current:
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } binary when binary.RightOperand == current:
                    return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The stream is still open at the publish step: a <c>using</c> declaration or statement of it (or of a writer
    /// over it) encloses the step, or it is never closed before the step on every path.
    /// </summary>
    private static bool IsOpenAt(IOperation opener, StreamUse use, IOperation step)
    {
        var stepSpan = step.Syntax.Span;
        for (var current = step.Parent; current is not null; current = current.Parent)
        {
            if (current is IUsingOperation usingStatement && usingStatement.Resources.Syntax.Span.Contains(opener.Syntax.Span))
            {
                return true;
            }
        }

        var closedByUsing = false;
        foreach (var operation in opener.Root().Descendants())
        {
            switch (operation)
            {
                // using var fs = …; (disposed at the end of the enclosing block)
                case IUsingDeclarationOperation declaration when declaration.Syntax.Span.Contains(opener.Syntax.Span) || DeclaresAny(declaration.DeclarationGroup, use):
                    var block = declaration.Parent;
                    if (block is not null && block.Syntax.Span.Contains(stepSpan) && declaration.Syntax.SpanStart < stepSpan.Start)
                    {
                        return true;
                    }

                    closedByUsing = true;
                    break;

                // using (var fs = …) { … } ending before the step
                case IUsingOperation usingOperation when usingOperation.Resources.Syntax.Span.Contains(opener.Syntax.Span)
                                                        || (usingOperation.Resources is IVariableDeclarationGroupOperation group && DeclaresAny(group, use)):
                    if (usingOperation.Syntax.Span.End <= stepSpan.Start)
                    {
                        closedByUsing = true;
                    }

                    break;

                case IInvocationOperation { TargetMethod.Name: "Dispose" or "Close" or "DisposeAsync" } close
                    when close.Syntax.SpanStart < stepSpan.Start && close.Instance is { } instance && Names(instance, use, opener, out _)
                         && RunsOnEveryPath(close, step):
                    closedByUsing = true;
                    break;
            }
        }

        return !closedByUsing;
    }

    private static bool DeclaresAny(IVariableDeclarationGroupOperation group, StreamUse use)
    {
        foreach (var declaration in group.Declarations)
        {
            foreach (var declarator in declaration.Declarators)
            {
                if (use.Locals.Contains(declarator.Symbol))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // ------------------------------------------------------------------ the destination removed first

    /// <summary><c>File.Delete(dest)</c>, <c>destInfo.Delete()</c>, <c>File.Move(dest, elsewhere)</c> before the step, in its method.</summary>
    private static void FindRemovals(Publish publish, KnownSymbols symbols)
    {
        var step = publish.Step;
        foreach (var operation in step.Root().Descendants())
        {
            if (operation is not IInvocationOperation call || call.Syntax.SpanStart >= step.Syntax.SpanStart || !IsBefore(call, step))
            {
                continue;
            }

            IOperation? removed = null;
            if (WriteMethods.TryGetAnyDelete(call, symbols, out var deleted))
            {
                removed = deleted;
            }
            else if (TryGetStep(call, symbols, out var kind, out var source, out _) && kind == PublishKind.Move)
            {
                removed = source;
            }

            if (removed is not null && TempPaths.IsSamePath(removed, null, publish.Destination, null, symbols)
                && !TempPaths.IsSamePath(removed, null, publish.Source, null, symbols))
            {
                publish.Removals.Add(call);
            }
        }
    }
}
