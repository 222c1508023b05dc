using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SafeWrites.Analyzers.Core;

namespace SafeWrites.Analyzers.Writes;

/// <summary>What the write rules (SW1001–SW1006) learn from one code block.</summary>
internal sealed class BodyWrites
{
    private Dictionary<IOperation, bool>? _keptState;

    public BodyWrites(KnownSymbols symbols) => Symbols = symbols;

    public KnownSymbols Symbols { get; }

    /// <summary>In-place overwrites of a destination (SW1001, SW1002), in source order.</summary>
    public List<InPlaceWrite> InPlace { get; } = new();

    /// <summary>Temp-then-rename publish steps (SW1003–SW1006), in source order.</summary>
    public List<Publish> Publishes { get; } = new();

    /// <summary>SW1001's scope <c>state</c>: does the write show evidence of kept state (<see cref="StateEvidence"/>)? Computed once per write, on first request.</summary>
    public bool IsKeptState(InPlaceWrite write)
    {
        lock (InPlace)
        {
            _keptState ??= new Dictionary<IOperation, bool>();
            if (!_keptState.TryGetValue(write.Write.Operation, out var kept))
            {
                kept = StateEvidence.Get(Symbols).IsKeptState(write);
                _keptState.Add(write.Write.Operation, kept);
            }

            return kept;
        }
    }
}

/// <summary>
/// The write family's one pass per code block: finds every file write of the block once, for all write rules. A
/// block is bound only when its text names a file API (<see cref="FileApiNames"/>).
/// </summary>
internal sealed class WritePass : BodyPass<BodyWrites>
{
    // Simple names through which a body can write a file: the File/FileInfo methods, the stream and writer types,
    // and FileMode for target-typed `new(path, FileMode.Create)`.
    private static readonly HashSet<string> FileApiNames = new()
    {
        "WriteAllText", "WriteAllTextAsync", "WriteAllBytes", "WriteAllBytesAsync", "WriteAllLines", "WriteAllLinesAsync",
        "Create", "CreateText", "OpenWrite", "Open", "FileStream", "StreamWriter", "FileMode", "FileInfo",

        // Publish steps: File.Move/Replace/Copy (named through File), FileInfo.MoveTo on a parameter or member.
        "File", "MoveTo",
    };

    private static readonly TriggerWords FileApis = new(FileApiNames);

    // With System.IO.Abstractions referenced: an injected IFile's moves and deletes (`_file.Move(tmp, path)`), which name no type.
    private static readonly TriggerWords AbstractionMovers = new(new[] { "Move", "Copy", "Delete" });

    private readonly WriteMethods _writeMethods;

    private WritePass(KnownSymbols symbols)
        : base(symbols)
        => _writeMethods = WriteMethods.Get(symbols);

    /// <summary>A file API, an abstraction's mover, or a call of a wrapper of the compilation or a user-listed method (<see cref="WriteMethods.MayCallWrapper"/>).</summary>
    protected override bool MayHaveFacts(SyntaxNode codeBlock)
        => FileApis.AnyIn(codeBlock)
           || (Symbols.HasFileSystemAbstractions && AbstractionMovers.AnyIn(codeBlock))
           || _writeMethods.MayCallWrapper(codeBlock);

    public static WritePass Get(KnownSymbols symbols) => BodyPasses.Get(symbols, static s => new WritePass(s));

    protected override BodyWrites? Analyze(IOperation block, CancellationToken cancellationToken)
    {
        BodyWrites? facts = null;
        foreach (var operation in block.Descendants())
        {
            if (operation is IInvocationOperation or IObjectCreationOperation
                && InPlaceWrites.TryAnalyze(operation, Symbols, out var write))
            {
                // A wrapper's own write of its parameters is reported at its callers (the user's real write).
                if (!_writeMethods.IsForwardedInside(operation))
                {
                    (facts ??= new BodyWrites(Symbols)).InPlace.Add(write);
                }
            }
            else if (operation is IInvocationOperation invocation && Writes.Publishes.TryAnalyze(invocation, Symbols, out var publish))
            {
                // A wrapped move is reported at its callers; only a removal of the destination inside the wrapper (SW1004) stays here.
                if (_writeMethods.IsForwardedInside(invocation))
                {
                    if (publish.Removals.Count == 0)
                    {
                        continue;
                    }

                    publish.Writes.Clear();
                    publish.IsFromTempDirectory = false;
                    publish.FixedName = null;
                }

                (facts ??= new BodyWrites(Symbols)).Publishes.Add(publish);
                if (InPlaceWrites.TryAnalyzeCopy(publish, Symbols, out var copy))
                {
                    facts.InPlace.Add(copy);
                }
            }
        }

        return facts;
    }
}
