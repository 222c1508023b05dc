using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SafeWrites.Analyzers.Core;

namespace SafeWrites.Analyzers.Writes;

/// <summary>Which rule owns an in-place write (one bug, one squiggle: SW1002 wins over SW1001).</summary>
internal enum InPlaceWriteKind
{
    None,

    /// <summary>SW1001: any content overwritten in place.</summary>
    Content,

    /// <summary>SW1002: JSON overwritten in place.</summary>
    Json,
}

/// <summary>An in-place overwrite of a destination file, found by <see cref="InPlaceWrites.TryAnalyze"/>.</summary>
internal readonly struct InPlaceWrite
{
    public InPlaceWrite(InPlaceWriteKind kind, FileWrite write, IOperation reportAt, StreamUse? streamUse)
    {
        Kind = kind;
        Write = write;
        ReportAt = reportAt;
        StreamUse = streamUse;
    }

    public InPlaceWriteKind Kind { get; }

    /// <summary>The opener or whole-content write.</summary>
    public FileWrite Write { get; }

    /// <summary>Where the rule reports: the opener / call for SW1001, the first JSON-writing construct for SW1002.</summary>
    public IOperation ReportAt { get; }

    /// <summary>For openers: how the stream is used.</summary>
    public StreamUse? StreamUse { get; }
}

/// <summary>The shared analysis behind SW1001 and SW1002: is this call an unsafe in-place overwrite, and whose is it?</summary>
internal static class InPlaceWrites
{
    // FileAccess.Write (stable, documented enum value).
    private const long AccessWrite = 2;

    public static bool TryAnalyze(IOperation operation, KnownSymbols symbols, out InPlaceWrite result)
    {
        result = default;
        if (!FileWrites.TryClassify(operation, symbols, out var write)
            || write.Mode is not (FileWriteMode.Overwrite or FileWriteMode.OverwriteIfWritten)
            || write.Path is null)
        {
            return false;
        }

        if (write.Shape == FileWriteShape.WholeContent)
        {
            if (IsExempt(write, symbols))
            {
                return false;
            }

            var isJson = FileWrites.CarriesJson(write, symbols);
            if (isJson && IsUniquePerCall(write, symbols))
            {
                return false;
            }

            result = new InPlaceWrite(isJson ? InPlaceWriteKind.Json : InPlaceWriteKind.Content, write, operation, null);
            return true;
        }

        var use = StreamFlow.Analyze(operation, symbols);

        // A wrapper opener (`Stream OpenFor(string p) => File.Create(p)`): its callers write, not it.
        if (use.Returned && !use.WrittenDirectly && use.FirstJsonWrite is null)
        {
            return false;
        }

        if (use.FirstJsonWrite is { } jsonWrite)
        {
            if (IsExempt(write, symbols) || IsUniquePerCall(write, symbols))
            {
                return false;
            }

            result = new InPlaceWrite(InPlaceWriteKind.Json, write, jsonWrite, use);
            return true;
        }

        // A stream nobody writes (a lock file, a marker) has no content to tear. One that escapes from a
        // truncating or write-only opener is assumed to be written by whoever receives it; one opened without
        // truncating (Open/OpenOrCreate) for reading too counts as written only through Write…, a type of the
        // compilation that writes it, or a callee whose name or type says it writes: handed to a reader, an
        // upload or a hash, it is only read.
        var written = write.Mode == FileWriteMode.Overwrite || OpensWriteOnly(write, symbols)
            ? use.IsWritten || use.EscapesUnseen
            : use.WrittenDirectly || HandedToWriter(use);
        if (!written || IsExempt(write, symbols))
        {
            return false;
        }

        // A writer kept in a member and written by the type's other members over its lifetime (a session log).
        if (use.Members.Count > 0 && KeptStreams.Get(symbols).IsLifetimeWriter(operation, use))
        {
            return false;
        }

        result = new InPlaceWrite(InPlaceWriteKind.Content, write, operation, use);
        return true;
    }

    /// <summary>
    /// <c>File.Copy(tmp, dest, overwrite: true)</c> / <c>tmpInfo.CopyTo(dest, true)</c> publishing a temporary file the
    /// code wrote: a copy is not a rename, the destination is rewritten in place (SW1001 at the copy). Not when the
    /// temporary file lies in the temp directory (SW1003's), nor when the destination is itself a temp or staging path.
    /// </summary>
    public static bool TryAnalyzeCopy(Publish publish, KnownSymbols symbols, out InPlaceWrite result)
    {
        result = default;
        if (publish.Kind != PublishKind.Copy || publish.Writes.Count == 0 || publish.IsFromTempDirectory || !OverwritesDestination(publish.Step))
        {
            return false;
        }

        var write = new FileWrite(publish.Step, FileWriteShape.WholeContent, FileWriteMode.Overwrite, publish.Destination, null);
        if (IsExempt(write, symbols))
        {
            return false;
        }

        result = new InPlaceWrite(InPlaceWriteKind.Content, write, publish.Step, null);
        return true;
    }

    /// <summary>The copy's <c>overwrite</c> flag is a constant <c>true</c>; without it the copy fails on an existing destination.</summary>
    public static bool OverwritesDestination(IInvocationOperation copy)
    {
        foreach (var argument in copy.Arguments)
        {
            if (argument.Parameter?.Type.SpecialType == SpecialType.System_Boolean)
            {
                return argument.Value.ConstantValue is { HasValue: true, Value: true };
            }
        }

        return false;
    }

    /// <summary>Temp files, temp-then-rename writes (SW1005/SW1006 look after those), and temp paths chosen by a caller or a callback helper.</summary>
    private static bool IsExempt(FileWrite write, KnownSymbols symbols)
        => write.Path is { } path
           && (TempPaths.IsTempPath(path, symbols) || TempPaths.IsMovedLater(path, symbols) || CallerPaths.IsTempFromCaller(path, symbols));

    /// <summary>A path made unique per call (a new Guid): no second writer, no old content to tear (SW1002's exemption).</summary>
    private static bool IsUniquePerCall(FileWrite write, KnownSymbols symbols) => PathIdentity.Of(write.Path, symbols).UniquePerCall;

    /// <summary><c>FileAccess.Write</c> given to the opener: nothing can read the stream, so whoever receives it writes.</summary>
    private static bool OpensWriteOnly(FileWrite write, KnownSymbols symbols)
    {
        var arguments = write.Operation switch
        {
            IInvocationOperation invocation => invocation.Arguments,
            IObjectCreationOperation creation => creation.Arguments,
            _ => default,
        };

        return !arguments.IsDefaultOrEmpty
               && OperationHelpers.ArgumentOfType(arguments, symbols.FileAccess).TryGetConstant(out var access) && access == AccessWrite;
    }

    /// <summary>A callee (or constructed type) whose name, or whose type's name, says it writes: <c>Write…</c>, <c>Save</c>, <c>Serialize</c>, <c>…Writer</c>; never a reader (<c>Deserialize</c>, <c>Read…</c>, <c>Load</c>).</summary>
    private static bool HandedToWriter(StreamUse use)
    {
        foreach (var consumer in use.HandedTo)
        {
            switch (consumer)
            {
                case IInvocationOperation invocation when !StreamFlow.IsReadMethod(invocation.TargetMethod):
                    if (SaysWrites(invocation.TargetMethod.Name) || SaysWrites(invocation.TargetMethod.ContainingType?.Name))
                    {
                        return true;
                    }

                    break;
                case IObjectCreationOperation creation when SaysWrites(creation.Type?.Name):
                    return true;
            }
        }

        return false;
    }

    private static bool SaysWrites(string? name)
        => name is not null
           && (name.StartsWith("Write", StringComparison.Ordinal) || name.Contains("Save")
               || (name.Contains("Serializ") && !name.Contains("Deserializ"))
               || name.EndsWith("Writer", StringComparison.Ordinal));
}
