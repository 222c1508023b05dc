using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SafeWrites.Analyzers.Core;
using SafeWrites.Analyzers.Writes;

namespace SafeWrites.Analyzers.Waits;

/// <summary>An in-process lock region that writes a file other processes can write too (SW2003).</summary>
internal readonly struct SharedFileLock
{
    public SharedFileLock(IOperation enter, IOperation write, IOperation path)
    {
        Enter = enter;
        Write = write;
        Path = path;
    }

    /// <summary>The statement that enters the lock (<c>lock</c>, <c>Monitor.Enter</c>, <c>_gate.Wait()</c> …): where SW2003 reports.</summary>
    public IOperation Enter { get; }

    /// <summary>The write in the region, or the call of a method of the type that writes.</summary>
    public IOperation Write { get; }

    /// <summary>The path the write targets (in the method that writes it).</summary>
    public IOperation Path { get; }
}

/// <summary>
/// Finds in-process lock regions (<c>lock</c>, <c>Monitor.Enter</c>, <c>SemaphoreSlim.Wait/WaitAsync</c>,
/// <c>ReaderWriterLockSlim.Enter…Lock</c>, an unnamed <c>Mutex</c>'s <c>WaitOne</c>) that write a file whose path is not
/// unique to this process, directly or through methods of the same type (up to <see cref="MaxCallDepth"/> calls).
/// Such a lock keeps out the process's own threads only.
/// </summary>
internal static class SharedFileLocks
{
    private const int MaxCallDepth = 3;

    // Bounds the walk through a path expression and the locals it reads (and breaks cycles such as a = b; b = a).
    private const int MaxPathDepth = 8;

    public static void Find(IOperation block, KnownSymbols symbols, List<SharedFileLock> result)
    {
        if (ContainsCrossProcessLock(block, symbols))
        {
            return;
        }

        foreach (var operation in block.Descendants())
        {
            var region = RegionOf(operation, symbols);
            if (region is null)
            {
                continue;
            }

            var containingType = (operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart))?.ContainingType;
            foreach (var statement in region)
            {
                if (FindSharedWrite(statement, containingType, symbols, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default), 0) is { } found)
                {
                    result.Add(new SharedFileLock(operation, found.Write, found.Path));
                    break;
                }
            }
        }
    }

    /// <summary>The statements a lock entered by <paramref name="operation"/> guards; null when it enters none.</summary>
    private static IEnumerable<IOperation>? RegionOf(IOperation operation, KnownSymbols symbols)
    {
        if (operation is ILockOperation lockStatement)
        {
            return new[] { lockStatement.Body };
        }

        // Monitor.Enter(x); / _gate.Wait(); / await _gate.WaitAsync(); / _rw.EnterWriteLock(); then the rest of the block.
        if (operation is IExpressionStatementOperation { Parent: IBlockOperation block } statement
            && Unawaited(statement.Operation) is IInvocationOperation call
            && IsEnter(call, symbols))
        {
            return Following(block, statement);
        }

        return null;
    }

    private static IOperation Unawaited(IOperation operation)
        => operation is IAwaitOperation { Operation: IInvocationOperation awaited } ? awaited : operation;

    private static bool IsEnter(IInvocationOperation call, KnownSymbols symbols)
        => KnownSymbols.Contains(symbols.InProcessLockEnters, call.TargetMethod)
           || (KnownSymbols.Contains(symbols.MutexWaitOne, call.TargetMethod) && IsUnnamedMutex(call.Instance, symbols));

    /// <summary>A field or local of type Mutex created without a name (<c>new Mutex()</c>, <c>new Mutex(false)</c>): a named one is a cross-process lock.</summary>
    private static bool IsUnnamedMutex(IOperation? instance, KnownSymbols symbols)
    {
        if (symbols.Mutex is null || instance?.Type is not { } type || !SymbolEqualityComparer.Default.Equals(type, symbols.Mutex)
            || instance.ReferencedSymbol() is not { } member)
        {
            return false;
        }

        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: BaseObjectCreationExpressionSyntax creation })
            {
                return creation.ArgumentList is null || creation.ArgumentList.Arguments.Count <= 1;
            }
        }

        return false;
    }

    private static IEnumerable<IOperation> Following(IBlockOperation block, IOperation statement)
    {
        var seen = false;
        foreach (var operation in block.Operations)
        {
            if (seen)
            {
                yield return operation;
            }

            seen |= operation == statement;
        }
    }

    /// <summary>A FileLock or JsonFileStore in the block: the code already locks across processes.</summary>
    private static bool ContainsCrossProcessLock(IOperation block, KnownSymbols symbols)
    {
        foreach (var operation in block.Descendants())
        {
            if (operation is IInvocationOperation call
                && (KnownSymbols.Contains(symbols.FileLockAcquire, call.TargetMethod)
                    || (symbols.JsonFileStore is not null && SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType?.OriginalDefinition, symbols.JsonFileStore))))
            {
                return true;
            }
        }

        return false;
    }

    private static (IOperation Write, IOperation Path)? FindSharedWrite(IOperation scope, INamedTypeSymbol? type, KnownSymbols symbols, HashSet<IMethodSymbol> visited, int depth)
    {
        foreach (var operation in WaitLoops.OwnOperations(scope))
        {
            if (WrittenPath(operation, symbols) is { } path)
            {
                if (!IsProcessUnique(path, symbols, 0))
                {
                    return (operation, path);
                }

                continue;
            }

            // A method of the same type with its body in the compilation: the write it makes is made under the lock.
            if (depth < MaxCallDepth
                && operation is IInvocationOperation call
                && type is not null
                && SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType?.OriginalDefinition, type.OriginalDefinition)
                && visited.Add(call.TargetMethod.OriginalDefinition)
                && OperationHelpers.BodyOf(call.TargetMethod.OriginalDefinition, call.SemanticModel) is { } body
                && !ContainsCrossProcessLock(body, symbols)
                && FindSharedWrite(body, type, symbols, visited, depth + 1) is { } inner)
            {
                return (operation, inner.Path);
            }
        }

        return null;
    }

    /// <summary>The path a whole-file write, an overwriting open, an <c>AtomicFile</c> write or a move/replace onto a destination writes.</summary>
    private static IOperation? WrittenPath(IOperation operation, KnownSymbols symbols)
    {
        // A wrapper of the compilation is followed into its body (its write's path is its parameter there); a listed method is not.
        if (FileWrites.TryClassify(operation, symbols, out var write) && write.Through is not { IsListed: false })
        {
            return write.Mode == FileWriteMode.Overwrite ? write.Path : null;
        }

        if (operation is not IInvocationOperation call)
        {
            return null;
        }

        if (KnownSymbols.Contains(symbols.AtomicFileWrites, call.TargetMethod))
        {
            return call.ArgumentValue(0);
        }

        // File.Move(tmp, dest) / File.Replace(tmp, dest, backup): the destination is what gets written.
        return KnownSymbols.Contains(symbols.FileMoves, call.TargetMethod) ? call.ArgumentValue(1) : null;
    }

    /// <summary>A path built from a new Guid, a temp file name, a random file name or the process id (through locals).</summary>
    private static bool IsProcessUnique(IOperation? path, KnownSymbols symbols, int depth)
    {
        path = path.WalkDownConversions();
        if (path is null || depth > MaxPathDepth)
        {
            return false;
        }

        if (path is ILocalReferenceOperation local)
        {
            foreach (var value in OperationHelpers.AssignedValues(path.Root(), local.Local))
            {
                if (IsProcessUnique(value, symbols, depth + 1))
                {
                    return true;
                }
            }

            return false;
        }

        var member = path switch
        {
            IInvocationOperation invocation => (ISymbol)invocation.TargetMethod,
            IPropertyReferenceOperation property => property.Property,
            _ => null,
        };
        if (member is not null && symbols.ProcessUniqueSources.Contains(member.OriginalDefinition))
        {
            return true;
        }

        foreach (var child in path.ChildOperations)
        {
            if (IsProcessUnique(child, symbols, depth + 1))
            {
                return true;
            }
        }

        return false;
    }
}
