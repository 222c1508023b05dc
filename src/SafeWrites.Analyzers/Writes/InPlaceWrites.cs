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
        // truncating opener is assumed to be written by whoever receives it; one opened without truncating
        // (Open/OpenOrCreate) counts as written only through Write… or a callee whose name says it writes: handed
        // to a reader, an upload or a hash, it is only read.
        var written = write.Mode == FileWriteMode.Overwrite
            ? use.IsWritten || use.Escapes
            : use.WrittenDirectly || HandedToWriter(use);
        if (!written || IsExempt(write, symbols))
        {
            return false;
        }

        result = new InPlaceWrite(InPlaceWriteKind.Content, write, operation, use);
        return true;
    }

    /// <summary>Temp files, temp-then-rename writes (SW1005/SW1006 look after those), and temp paths chosen by a caller or a callback helper.</summary>
    private static bool IsExempt(FileWrite write, KnownSymbols symbols)
        => write.Path is { } path
           && (TempPaths.IsTempPath(path, symbols) || TempPaths.IsMovedLater(path, symbols) || CallerPaths.IsTempFromCaller(path, symbols));

    /// <summary>A path made unique per call (a new Guid): no second writer, no old content to tear (SW1002's exemption).</summary>
    private static bool IsUniquePerCall(FileWrite write, KnownSymbols symbols) => PathIdentity.Of(write.Path, symbols).UniquePerCall;

    private static bool HandedToWriter(StreamUse use)
    {
        foreach (var consumer in use.HandedTo)
        {
            var name = consumer switch
            {
                IInvocationOperation invocation => invocation.TargetMethod.Name,
                IObjectCreationOperation creation => creation.Type?.Name,
                _ => null,
            };

            if (name is not null && (name.StartsWith("Write", StringComparison.Ordinal) || name.Contains("Save") || name.Contains("Serialize")
                                     || name.EndsWith("Writer", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }
}
