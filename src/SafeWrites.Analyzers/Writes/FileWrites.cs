using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SafeWrites.Analyzers.Core;

namespace SafeWrites.Analyzers.Writes;

/// <summary>How a file API call treats the existing content of the file it targets.</summary>
internal enum FileWriteMode
{
    /// <summary>Not a write (read-only open, unknown mode).</summary>
    None,

    /// <summary>Replaces the content: <c>File.WriteAllText</c>, <c>File.Create</c>, <c>FileMode.Create/Truncate</c>, <c>new StreamWriter(path)</c>.</summary>
    Overwrite,

    /// <summary>Opens existing content for writing without truncating (<c>FileMode.Open/OpenOrCreate</c> with write access): an overwrite once written.</summary>
    OverwriteIfWritten,

    /// <summary>Adds to the end (<c>File.AppendAll…</c>, <c>FileMode.Append</c>, <c>new StreamWriter(path, true)</c>).</summary>
    Append,

    /// <summary>Exclusive create of a new file (<c>FileMode.CreateNew</c>).</summary>
    CreateNew,
}

/// <summary>What shape of API the write is.</summary>
internal enum FileWriteShape
{
    /// <summary>One call writes the whole content (<c>File.WriteAllText</c>, <c>File.AppendAllText</c> …).</summary>
    WholeContent,

    /// <summary>The call opens a stream or writer that content is written through (<c>File.Create</c>, <c>new FileStream</c> …).</summary>
    Opener,
}

/// <summary>A call that writes a file, as classified by <see cref="FileWrites.TryClassify"/>.</summary>
internal readonly struct FileWrite
{
    public FileWrite(IOperation operation, FileWriteShape shape, FileWriteMode mode, IOperation? path, IOperation? content, WriteMethod? through = null)
    {
        Operation = operation;
        Shape = shape;
        Mode = mode;
        Path = path;
        Content = content;
        Through = through;
    }

    /// <summary>The wrapper or user-listed method the write goes through (<see cref="WriteMethods"/>); null for System.IO and its abstractions.</summary>
    public WriteMethod? Through { get; }

    /// <summary>The invocation or object creation.</summary>
    public IOperation Operation { get; }

    public FileWriteShape Shape { get; }

    public FileWriteMode Mode { get; }

    /// <summary>The path argument, or the <c>FileInfo</c> instance for <c>FileInfo</c> methods.</summary>
    public IOperation? Path { get; }

    /// <summary>The content argument of a <see cref="FileWriteShape.WholeContent"/> write.</summary>
    public IOperation? Content { get; }

    public IMethodSymbol? Method => Operation switch
    {
        IInvocationOperation invocation => invocation.TargetMethod,
        IObjectCreationOperation creation => creation.Constructor,
        _ => null,
    };
}

/// <summary>
/// "Is this a file write?" for every System.IO API that writes a file, with its mode. SW1001/SW1002 use it to
/// find in-place overwrites; later rules (SW3001's "what is a save") reuse it as is.
/// </summary>
internal static class FileWrites
{
    // FileMode / FileAccess values (stable, documented enum values).
    private const long ModeCreateNew = 1, ModeCreate = 2, ModeOpen = 3, ModeOpenOrCreate = 4, ModeTruncate = 5, ModeAppend = 6;
    private const long AccessWrite = 2;

    /// <summary>True when the operation writes (or opens for writing) a file, whatever its mode.</summary>
    public static bool IsFileWrite(IOperation operation, KnownSymbols symbols)
        => TryClassify(operation, symbols, out var write) && write.Mode != FileWriteMode.None;

    /// <summary>Classifies an invocation or object creation that writes a file; false for anything else.</summary>
    public static bool TryClassify(IOperation operation, KnownSymbols symbols, out FileWrite write)
    {
        write = default;
        switch (operation)
        {
            case IInvocationOperation invocation:
                return TryClassifyInvocation(invocation, symbols, out write);
            case IObjectCreationOperation creation:
                return TryClassifyCreation(creation, symbols, out write);
            default:
                return false;
        }
    }

    private static bool TryClassifyInvocation(IInvocationOperation invocation, KnownSymbols symbols, out FileWrite write)
    {
        write = default;
        var method = invocation.TargetMethod;

        // Hot path (every call of every analyzed body): every API below is a member of File or FileInfo (or of their
        // System.IO.Abstractions interfaces), so one type comparison rejects almost all calls before the overload-set
        // lookups; the rest may be a wrapper of the compilation or a user-listed method.
        if (method?.ContainingType is not { } containingType)
        {
            return false;
        }

        if (!symbols.IsFileApiType(containingType))
        {
            return KnownSymbols.Contains(symbols.FileStreamFactoryOpens, method)
                ? Classified(out write, new FileWrite(invocation, FileWriteShape.Opener, ModeOfOpen(invocation.Arguments, symbols), invocation.ArgumentValue(0), null))
                : TryClassifyDescribed(invocation, symbols, out write);
        }

        if (KnownSymbols.Contains(symbols.FileWholeWrites, method))
        {
            write = new FileWrite(invocation, FileWriteShape.WholeContent, FileWriteMode.Overwrite, invocation.ArgumentValue(0), invocation.ArgumentValue(1));
            return true;
        }

        if (KnownSymbols.Contains(symbols.FileAppends, method))
        {
            var shape = method.Name == "AppendText" ? FileWriteShape.Opener : FileWriteShape.WholeContent;
            write = new FileWrite(invocation, shape, FileWriteMode.Append, invocation.ArgumentValue(0), invocation.ArgumentValue(1));
            return true;
        }

        if (KnownSymbols.Contains(symbols.FileCreates, method))
        {
            write = new FileWrite(invocation, FileWriteShape.Opener, FileWriteMode.Overwrite, invocation.ArgumentValue(0), null);
            return true;
        }

        if (KnownSymbols.Contains(symbols.FileOpens, method))
        {
            write = new FileWrite(invocation, FileWriteShape.Opener, ModeOfOpen(invocation.Arguments, symbols), invocation.ArgumentValue(0), null);
            return true;
        }

        if (KnownSymbols.Contains(symbols.FileInfoCreates, method))
        {
            write = new FileWrite(invocation, FileWriteShape.Opener, FileWriteMode.Overwrite, invocation.Instance, null);
            return true;
        }

        if (KnownSymbols.Contains(symbols.FileInfoOpens, method))
        {
            write = new FileWrite(invocation, FileWriteShape.Opener, ModeOfOpen(invocation.Arguments, symbols), invocation.Instance, null);
            return true;
        }

        if (KnownSymbols.Contains(symbols.FileInfoAppends, method))
        {
            write = new FileWrite(invocation, FileWriteShape.Opener, FileWriteMode.Append, invocation.Instance, null);
            return true;
        }

        return false;
    }

    private static bool Classified(out FileWrite write, FileWrite value)
    {
        write = value;
        return true;
    }

    /// <summary>A call of a wrapper of the compilation or a user-listed method that writes or opens a file (<see cref="WriteMethods"/>): the write at the caller, with the caller's arguments.</summary>
    private static bool TryClassifyDescribed(IInvocationOperation invocation, KnownSymbols symbols, out FileWrite write)
    {
        write = default;
        if (invocation.TargetMethod.DeclaringSyntaxReferences.IsEmpty && symbols.Listed.IsEmpty)
        {
            return false;
        }

        var described = WriteMethods.Get(symbols).Describe(invocation.TargetMethod);
        if (described is null || invocation.ArgumentValue(described.First) is not { } path)
        {
            return false;
        }

        switch (described.Kind)
        {
            case WriteMethodKind.Write:
                write = new FileWrite(invocation, FileWriteShape.WholeContent, FileWriteMode.Overwrite, path, invocation.ArgumentValue(described.Second), described);
                return true;
            case WriteMethodKind.Open:
                var mode = described.ModeParameter < 0
                    ? described.Mode
                    : invocation.ArgumentValue(described.ModeParameter) is { } modeArgument
                        ? ModeOf(modeArgument, described.AccessParameter < 0 ? described.InnerAccess : invocation.ArgumentValue(described.AccessParameter), defaultAccessIsReadOnly: false)
                        : FileWriteMode.None;
                write = new FileWrite(invocation, FileWriteShape.Opener, mode, path, null, described);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// True when a whole-content write carries JSON text (SW1002): <c>File.WriteAllText/Bytes[Async]</c> (or its
    /// abstraction) with JSON content, or a wrapper that serializes JSON itself or is handed JSON text.
    /// </summary>
    public static bool CarriesJson(FileWrite write, KnownSymbols symbols)
        => write.Through is { } through
            ? through.Kind == WriteMethodKind.Write && (through.JsonInside || JsonText.IsJson(write.Content, symbols))
            : KnownSymbols.Contains(symbols.FileWholeTextOrBytesWrites, write.Method) && JsonText.IsJson(write.Content, symbols);

    /// <summary>The mode and access operands of an opener (the <c>FileMode</c> / <c>FileAccess</c> arguments, or a wrapper's), for a wrapper's summary.</summary>
    public static (IOperation? Mode, IOperation? Access) ModeOperands(FileWrite write, KnownSymbols symbols)
    {
        var arguments = write.Operation switch
        {
            IInvocationOperation invocation => invocation.Arguments,
            IObjectCreationOperation creation => creation.Arguments,
            _ => default,
        };

        if (arguments.IsDefault)
        {
            return (null, null);
        }

        if (write.Through is { } through)
        {
            return (ArgumentOrNull(arguments, through.ModeParameter), through.AccessParameter < 0 ? through.InnerAccess : ArgumentOrNull(arguments, through.AccessParameter));
        }

        return (OperationHelpers.ArgumentOfType(arguments, symbols.FileMode), OperationHelpers.ArgumentOfType(arguments, symbols.FileAccess));
    }

    private static IOperation? ArgumentOrNull(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, int ordinal)
        => ordinal < 0 ? null : OperationHelpers.ArgumentValue(arguments, ordinal);

    private static bool TryClassifyCreation(IObjectCreationOperation creation, KnownSymbols symbols, out FileWrite write)
    {
        write = default;
        var constructor = creation.Constructor;
        if (constructor is null || constructor.Parameters.Length == 0 || constructor.Parameters[0].Type.SpecialType != SpecialType.System_String)
        {
            // Only the path-taking constructors open a file; (Stream …) ones wrap a stream.
            return false;
        }

        var type = constructor.ContainingType;
        if (symbols.IsType(type, symbols.FileStream))
        {
            write = new FileWrite(creation, FileWriteShape.Opener, ModeOfOpen(creation.Arguments, symbols), creation.ArgumentValue(0), null);
            return true;
        }

        if (symbols.IsType(type, symbols.StreamWriter))
        {
            write = new FileWrite(creation, FileWriteShape.Opener, ModeOfStreamWriter(creation, symbols), creation.ArgumentValue(0), null);
            return true;
        }

        return false;
    }

    /// <summary>The mode of <c>File.Open</c> / <c>FileInfo.Open</c> / <c>new FileStream</c>: (path,] mode[, access …] or (path,] FileStreamOptions.</summary>
    private static FileWriteMode ModeOfOpen(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, KnownSymbols symbols)
    {
        var modeArgument = OperationHelpers.ArgumentOfType(arguments, symbols.FileMode);
        if (modeArgument is not null)
        {
            var accessArgument = OperationHelpers.ArgumentOfType(arguments, symbols.FileAccess);
            return ModeOf(modeArgument, accessArgument, defaultAccessIsReadOnly: false);
        }

        var options = OperationHelpers.ArgumentOfType(arguments, symbols.FileStreamOptions);
        return options is null ? FileWriteMode.None : ModeOfOptions(options);
    }

    private static FileWriteMode ModeOfStreamWriter(IObjectCreationOperation creation, KnownSymbols symbols)
    {
        var options = OperationHelpers.ArgumentOfType(creation.Arguments, symbols.FileStreamOptions);
        if (options is not null)
        {
            return ModeOfOptions(options);
        }

        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter is { } parameter && parameter.Type.SpecialType == SpecialType.System_Boolean)
            {
                // (path, bool append, …): only a constant false is an overwrite; a computed flag may append.
                if (argument.Value.ConstantValue is { HasValue: true, Value: bool append })
                {
                    return append ? FileWriteMode.Append : FileWriteMode.Overwrite;
                }

                return FileWriteMode.None;
            }
        }

        return FileWriteMode.Overwrite;
    }

    /// <summary>A <c>FileStreamOptions</c> with the mode it has at the open: inline, a local, a field or property (<see cref="StreamOptionsValues"/>).</summary>
    private static FileWriteMode ModeOfOptions(IOperation options)
        => StreamOptionsValues.ModeAtOpen(options, static (mode, access) => ModeOf(mode!, access, defaultAccessIsReadOnly: true));

    private static FileWriteMode ModeOf(IOperation mode, IOperation? access, bool defaultAccessIsReadOnly)
    {
        if (!mode.TryGetConstant(out var modeValue))
        {
            return FileWriteMode.None;
        }

        bool writes;
        if (access is null)
        {
            // File.Open(path, mode) and new FileStream(path, mode) default to read-write (write for Append).
            writes = !defaultAccessIsReadOnly || modeValue != ModeOpen;
        }
        else if (access.TryGetConstant(out var accessValue))
        {
            writes = (accessValue & AccessWrite) != 0;
        }
        else
        {
            return FileWriteMode.None;
        }

        if (!writes)
        {
            return FileWriteMode.None;
        }

        return modeValue switch
        {
            ModeCreate or ModeTruncate => FileWriteMode.Overwrite,
            ModeOpen or ModeOpenOrCreate => FileWriteMode.OverwriteIfWritten,
            ModeAppend => FileWriteMode.Append,
            ModeCreateNew => FileWriteMode.CreateNew,
            _ => FileWriteMode.None,
        };
    }
}
