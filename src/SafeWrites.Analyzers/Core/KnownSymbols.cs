using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafeWrites.Analyzers.Core;

/// <summary>
/// The symbols of the APIs the rules know about, resolved once per compilation and shared by every analyzer
/// (and the code fixes). Members are null / empty when the API is absent from the compilation; each rule
/// checks its own validity property (<see cref="HasFileApis"/>, …) and registers nothing when it is false.
/// </summary>
/// <remarks>
/// To teach the rules a new API (a clock, a lock, DbContext …): add the type or member set here, fill it in the
/// constructor with <see cref="Compilation.GetTypeByMetadataName"/> / <see cref="Members"/>, and add a validity
/// property for the rules that need it. Compare with <see cref="SymbolEqualityComparer.Default"/>, never by name.
/// </remarks>
internal sealed class KnownSymbols
{
    private static readonly ConditionalWeakTable<Compilation, KnownSymbols> Cache = new();
    private static readonly ConditionalWeakTable<Compilation, KnownSymbols>.CreateValueCallback Factory = c => new KnownSymbols(c);

    public static KnownSymbols Get(Compilation compilation) => Cache.GetValue(compilation, Factory);

    private KnownSymbols(Compilation compilation)
    {
        Compilation = compilation;

        // System.IO
        File = compilation.GetTypeByMetadataName("System.IO.File");
        FileInfo = compilation.GetTypeByMetadataName("System.IO.FileInfo");
        FileSystemInfo = compilation.GetTypeByMetadataName("System.IO.FileSystemInfo");
        FileStream = compilation.GetTypeByMetadataName("System.IO.FileStream");
        FileStreamOptions = compilation.GetTypeByMetadataName("System.IO.FileStreamOptions");
        FileMode = compilation.GetTypeByMetadataName("System.IO.FileMode");
        FileAccess = compilation.GetTypeByMetadataName("System.IO.FileAccess");
        Stream = compilation.GetTypeByMetadataName("System.IO.Stream");
        TextWriter = compilation.GetTypeByMetadataName("System.IO.TextWriter");
        TextReader = compilation.GetTypeByMetadataName("System.IO.TextReader");
        StreamWriter = compilation.GetTypeByMetadataName("System.IO.StreamWriter");
        BinaryWriter = compilation.GetTypeByMetadataName("System.IO.BinaryWriter");
        BinaryReader = compilation.GetTypeByMetadataName("System.IO.BinaryReader");
        Path = compilation.GetTypeByMetadataName("System.IO.Path");
        Encoding = compilation.GetTypeByMetadataName("System.Text.Encoding");
        CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        XmlWriter = compilation.GetTypeByMetadataName("System.Xml.XmlWriter");

        FileWholeWrites = Members(File, "WriteAllText", "WriteAllTextAsync", "WriteAllBytes", "WriteAllBytesAsync", "WriteAllLines", "WriteAllLinesAsync");
        FileWholeTextOrBytesWrites = Members(File, "WriteAllText", "WriteAllTextAsync", "WriteAllBytes", "WriteAllBytesAsync");
        FileAppends = Members(File, "AppendAllText", "AppendAllTextAsync", "AppendAllLines", "AppendAllLinesAsync", "AppendAllBytes", "AppendAllBytesAsync", "AppendText");
        FileCreates = Members(File, "Create", "CreateText", "OpenWrite");
        FileOpens = Members(File, "Open");
        FileInfoCreates = Members(FileInfo, "Create", "CreateText", "OpenWrite");
        FileInfoOpens = Members(FileInfo, "Open");
        FileInfoAppends = Members(FileInfo, "AppendText");
        FileMoves = Members(File, "Move", "Replace");
        FileInfoMoves = Members(FileInfo, "MoveTo", "Replace");
        TempPathSources = Members(Path, "GetTempFileName", "GetTempPath", "GetRandomFileName");
        TempPathSources.UnionWith(Members(compilation.GetTypeByMetadataName("System.IO.Directory"), "CreateTempSubdirectory"));
        EncodingGetBytes = Members(Encoding, "GetBytes");
        FileSystemInfoFullName = Members(FileSystemInfo, "FullName");

        // Temp-then-rename publishing (SW1003–SW1006)
        FileOptions = compilation.GetTypeByMetadataName("System.IO.FileOptions");
        FileCopies = Members(File, "Copy");
        FileInfoCopies = Members(FileInfo, "CopyTo");
        FileDeletes = Members(File, "Delete");
        FileInfoDeletes = Members(FileInfo, "Delete");
        TempDirectorySources = Members(Path, "GetTempFileName", "GetTempPath");
        TempDirectorySources.UnionWith(Members(compilation.GetTypeByMetadataName("System.IO.Directory"), "CreateTempSubdirectory"));
        FlushesToDisk = Members(compilation.GetTypeByMetadataName("System.IO.RandomAccess"), "FlushToDisk");
        foreach (var flush in Members(FileStream, "Flush"))
        {
            if (flush is IMethodSymbol { Parameters.Length: 1 } withFlag && withFlag.Parameters[0].Type.SpecialType == SpecialType.System_Boolean)
            {
                FlushesToDisk.Add(flush);
            }
        }

        // System.IO.Abstractions (TestableIO): the same operations as System.IO's, through IFileSystem. Its members join
        // the System.IO sets above (same parameters), so every write rule and SW3001's saves see them; the fixes decline
        // them (they cannot keep the abstraction), see IsFileSystemAbstraction.
        IFile = compilation.GetTypeByMetadataName("System.IO.Abstractions.IFile");
        IFileInfo = compilation.GetTypeByMetadataName("System.IO.Abstractions.IFileInfo");
        IFileSystemInfo = compilation.GetTypeByMetadataName("System.IO.Abstractions.IFileSystemInfo");
        var path = compilation.GetTypeByMetadataName("System.IO.Abstractions.IPath");
        var directory = compilation.GetTypeByMetadataName("System.IO.Abstractions.IDirectory");
        if (IFile is not null)
        {
            FileWholeWrites.UnionWith(Members(IFile, "WriteAllText", "WriteAllTextAsync", "WriteAllBytes", "WriteAllBytesAsync", "WriteAllLines", "WriteAllLinesAsync"));
            FileWholeTextOrBytesWrites.UnionWith(Members(IFile, "WriteAllText", "WriteAllTextAsync", "WriteAllBytes", "WriteAllBytesAsync"));
            FileAppends.UnionWith(Members(IFile, "AppendAllText", "AppendAllTextAsync", "AppendAllLines", "AppendAllLinesAsync", "AppendAllBytes", "AppendAllBytesAsync", "AppendText"));
            FileCreates.UnionWith(Members(IFile, "Create", "CreateText", "OpenWrite"));
            FileOpens.UnionWith(Members(IFile, "Open"));
            FileMoves.UnionWith(Members(IFile, "Move", "Replace"));
            FileCopies.UnionWith(Members(IFile, "Copy"));
            FileDeletes.UnionWith(Members(IFile, "Delete"));
            FileInfoCreates.UnionWith(Members(IFileInfo, "Create", "CreateText", "OpenWrite"));
            FileInfoOpens.UnionWith(Members(IFileInfo, "Open"));
            FileInfoAppends.UnionWith(Members(IFileInfo, "AppendText"));
            FileInfoMoves.UnionWith(Members(IFileInfo, "MoveTo", "Replace"));
            FileInfoCopies.UnionWith(Members(IFileInfo, "CopyTo"));
            FileInfoDeletes.UnionWith(Members(IFileSystemInfo, "Delete"));
            FileSystemInfoFullName.UnionWith(Members(IFileSystemInfo, "FullName"));
            TempPathSources.UnionWith(Members(path, "GetTempFileName", "GetTempPath", "GetRandomFileName"));
            TempPathSources.UnionWith(Members(directory, "CreateTempSubdirectory"));
            TempDirectorySources.UnionWith(Members(path, "GetTempFileName", "GetTempPath"));
            TempDirectorySources.UnionWith(Members(directory, "CreateTempSubdirectory"));
            FileStreamFactoryOpens = PathTaking(Members(compilation.GetTypeByMetadataName("System.IO.Abstractions.IFileStreamFactory"), "New"));
            FileInfoFactoryNews = Members(compilation.GetTypeByMetadataName("System.IO.Abstractions.IFileInfoFactory"), "New");
        }
        else
        {
            FileStreamFactoryOpens = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            FileInfoFactoryNews = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        }

        // System.Text.Json
        StjJsonSerializer = compilation.GetTypeByMetadataName("System.Text.Json.JsonSerializer");
        Utf8JsonWriter = compilation.GetTypeByMetadataName("System.Text.Json.Utf8JsonWriter");
        JsonNode = compilation.GetTypeByMetadataName("System.Text.Json.Nodes.JsonNode");
        JsonSerializerOptions = compilation.GetTypeByMetadataName("System.Text.Json.JsonSerializerOptions");
        JsonTypeInfoOfT = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.Metadata.JsonTypeInfo`1");
        StjSerialize = Members(StjJsonSerializer, "Serialize");
        StjSerializeAsync = Members(StjJsonSerializer, "SerializeAsync");
        StjSerializeToUtf8Bytes = Members(StjJsonSerializer, "SerializeToUtf8Bytes");
        JsonNodeToJsonString = Members(JsonNode, "ToJsonString");

        // Newtonsoft.Json
        JsonConvert = compilation.GetTypeByMetadataName("Newtonsoft.Json.JsonConvert");
        NewtonsoftJsonSerializer = compilation.GetTypeByMetadataName("Newtonsoft.Json.JsonSerializer");
        NewtonsoftJsonWriter = compilation.GetTypeByMetadataName("Newtonsoft.Json.JsonWriter");
        JsonTextWriter = compilation.GetTypeByMetadataName("Newtonsoft.Json.JsonTextWriter");
        JToken = compilation.GetTypeByMetadataName("Newtonsoft.Json.Linq.JToken");
        JsonSerializerSettings = compilation.GetTypeByMetadataName("Newtonsoft.Json.JsonSerializerSettings");
        JsonConvertSerializeObject = Members(JsonConvert, "SerializeObject");
        NewtonsoftCreateSerializer = Members(NewtonsoftJsonSerializer, "Create", "CreateDefault");
        NewtonsoftSerialize = Members(NewtonsoftJsonSerializer, "Serialize");

        // SafeWrites runtime (what the fixes rewrite to)
        AtomicFile = compilation.GetTypeByMetadataName("SafeWrites.AtomicFile");
        AtomicFileStream = compilation.GetTypeByMetadataName("SafeWrites.AtomicFileStream");
        FileLock = compilation.GetTypeByMetadataName("SafeWrites.FileLock");

        // Clocks and waits (SW2001, SW2002)
        DateTime = compilation.GetTypeByMetadataName("System.DateTime");
        DateTimeOffset = compilation.GetTypeByMetadataName("System.DateTimeOffset");
        TimeSpan = compilation.GetTypeByMetadataName("System.TimeSpan");
        TimeProvider = compilation.GetTypeByMetadataName("System.TimeProvider");
        Math = compilation.GetTypeByMetadataName("System.Math");
        Stopwatch = compilation.GetTypeByMetadataName("System.Diagnostics.Stopwatch");
        Thread = compilation.GetTypeByMetadataName("System.Threading.Thread");
        ThreadingTimeout = compilation.GetTypeByMetadataName("System.Threading.Timeout");
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        SpinWait = compilation.GetTypeByMetadataName("System.Threading.SpinWait");
        SpinLock = compilation.GetTypeByMetadataName("System.Threading.SpinLock");
        Monitor = compilation.GetTypeByMetadataName("System.Threading.Monitor");
        WaitHandle = compilation.GetTypeByMetadataName("System.Threading.WaitHandle");
        SemaphoreSlim = compilation.GetTypeByMetadataName("System.Threading.SemaphoreSlim");
        ManualResetEventSlim = compilation.GetTypeByMetadataName("System.Threading.ManualResetEventSlim");
        CountdownEvent = compilation.GetTypeByMetadataName("System.Threading.CountdownEvent");
        ReaderWriterLockSlim = compilation.GetTypeByMetadataName("System.Threading.ReaderWriterLockSlim");
        PeriodicTimer = compilation.GetTypeByMetadataName("System.Threading.PeriodicTimer");
        IOException = compilation.GetTypeByMetadataName("System.IO.IOException");
        FileShare = compilation.GetTypeByMetadataName("System.IO.FileShare");
        WallClockNow = Members(DateTime, "Now", "UtcNow");
        WallClockNow.UnionWith(Members(DateTimeOffset, "Now", "UtcNow"));
        TimeProviderWallClock = Members(TimeProvider, "GetUtcNow", "GetLocalNow");
        Waits = Members(Thread, "Sleep", "SpinWait", "Join");
        Waits.UnionWith(Members(Task, "Delay", "Wait", "WaitAll", "WaitAny", "WaitAsync"));
        Waits.UnionWith(Members(SpinWait, "SpinOnce", "SpinUntil"));
        Waits.UnionWith(Members(SpinLock, "TryEnter"));
        Waits.UnionWith(Members(Monitor, "Wait", "TryEnter"));
        Waits.UnionWith(Members(WaitHandle, "WaitOne", "WaitAll", "WaitAny", "SignalAndWait"));
        Waits.UnionWith(Members(SemaphoreSlim, "Wait", "WaitAsync"));
        Waits.UnionWith(Members(ManualResetEventSlim, "Wait"));
        Waits.UnionWith(Members(CountdownEvent, "Wait"));
        Waits.UnionWith(Members(ReaderWriterLockSlim, "TryEnterReadLock", "TryEnterWriteLock", "TryEnterUpgradeableReadLock"));
        Waits.UnionWith(Members(PeriodicTimer, "WaitForNextTickAsync"));
        FileStreamLock = Members(FileStream, "Lock");
        FileReadOpens = Members(File, "OpenRead", "OpenText", "ReadAllText", "ReadAllTextAsync", "ReadAllBytes", "ReadAllBytesAsync", "ReadAllLines", "ReadAllLinesAsync", "ReadLines", "ReadLinesAsync");
        FileReadOpens.UnionWith(Members(FileInfo, "OpenRead", "OpenText"));
        FileReadOpens.UnionWith(Members(IFile, "OpenRead", "OpenText", "ReadAllText", "ReadAllTextAsync", "ReadAllBytes", "ReadAllBytesAsync", "ReadAllLines", "ReadAllLinesAsync", "ReadLines", "ReadLinesAsync"));
        FileReadOpens.UnionWith(Members(IFileInfo, "OpenRead", "OpenText"));
        FileLockAcquire = Members(FileLock, "Acquire", "AcquireAsync", "TryAcquire");

        // Saves (SW3001)
        DbContext = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbContext");
        StringBuilder = compilation.GetTypeByMetadataName("System.Text.StringBuilder");
        ICollectionOfT = compilation.GetTypeByMetadataName("System.Collections.Generic.ICollection`1");
        AtomicFileWrites = Members(AtomicFile, "Create", "Write", "WriteAsync", "WriteAllText", "WriteAllTextAsync", "WriteAllBytes", "WriteAllBytesAsync", "WriteAllLines", "WriteAllLinesAsync", "WriteJson", "WriteJsonAsync");
        AtomicFileStreamCommits = Members(AtomicFileStream, "Commit", "CommitAsync");
        DbContextSaveChanges = Members(DbContext, "SaveChanges", "SaveChangesAsync");
        JsonFileStoreWrites = Members(compilation.GetTypeByMetadataName("SafeWrites.JsonFileStore`1"), "Update", "UpdateAsync", "Replace", "ReplaceAsync", "TryReplace", "TryReplaceAsync");
        CollectionClears = ClearMembers(compilation, StringBuilder, ICollectionOfT);
        IEnumerable = compilation.GetTypeByMetadataName("System.Collections.IEnumerable");
        ArrayEmpty = Members(compilation.GetTypeByMetadataName("System.Array"), "Empty");
        StringEmpty = Members(compilation.GetSpecialType(SpecialType.System_String), "Empty");
        InterlockedExchange = Members(compilation.GetTypeByMetadataName("System.Threading.Interlocked"), "Exchange");

        // In-process locks (SW2003): what enters one, and what makes a path unique to this process.
        Mutex = compilation.GetTypeByMetadataName("System.Threading.Mutex");
        InProcessLockEnters = Members(Monitor, "Enter");
        InProcessLockEnters.UnionWith(Members(SemaphoreSlim, "Wait", "WaitAsync"));
        InProcessLockEnters.UnionWith(Members(ReaderWriterLockSlim, "EnterWriteLock", "EnterUpgradeableReadLock", "EnterReadLock"));
        MutexWaitOne = Members(WaitHandle, "WaitOne");
        ProcessUniqueSources = Members(compilation.GetTypeByMetadataName("System.Guid"), "NewGuid");
        ProcessUniqueSources.UnionWith(Members(Path, "GetTempFileName", "GetRandomFileName"));
        ProcessUniqueSources.UnionWith(Members(compilation.GetTypeByMetadataName("System.Environment"), "ProcessId"));
        ProcessUniqueSources.UnionWith(Members(compilation.GetTypeByMetadataName("System.Diagnostics.Process"), "Id"));
        JsonFileStore = compilation.GetTypeByMetadataName("SafeWrites.JsonFileStore`1");
        ProcessUniqueSources.UnionWith(Members(path, "GetTempFileName", "GetRandomFileName"));
    }

    private ListedMethods? _listed;

    /// <summary>The project's user-listed write methods (<see cref="ListedMethods"/>); empty until <see cref="UseAdditionalFiles"/> ran.</summary>
    public ListedMethods Listed => Volatile.Read(ref _listed) ?? ListedMethods.Empty;

    /// <summary>Reads the user-listed write methods once per compilation (every analyzer calls this at compilation start).</summary>
    public void UseAdditionalFiles(ImmutableArray<AdditionalText> files, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _listed) is null)
        {
            Interlocked.CompareExchange(ref _listed, ListedMethods.Read(files, Compilation, cancellationToken), null);
        }
    }

    /// <summary><c>System.IO.Abstractions.IFile</c> (TestableIO): null when the assembly is not referenced.</summary>
    public INamedTypeSymbol? IFile { get; }

    /// <summary><c>System.IO.Abstractions.IFileInfo</c>.</summary>
    public INamedTypeSymbol? IFileInfo { get; }

    /// <summary><c>System.IO.Abstractions.IFileSystemInfo</c> (<c>FullName</c>, <c>Delete()</c>).</summary>
    public INamedTypeSymbol? IFileSystemInfo { get; }

    /// <summary><c>IFileStreamFactory.New(string path, …)</c>: the abstraction's <c>new FileStream(path, …)</c>.</summary>
    public HashSet<ISymbol> FileStreamFactoryOpens { get; }

    /// <summary><c>IFileInfoFactory.New(path)</c>: the abstraction's <c>new FileInfo(path)</c>.</summary>
    public HashSet<ISymbol> FileInfoFactoryNews { get; }

    /// <summary>True when System.IO.Abstractions is referenced.</summary>
    public bool HasFileSystemAbstractions => IFile is not null;

    /// <summary>The types whose members the file sets hold: <c>File</c>, <c>FileInfo</c>, and their System.IO.Abstractions interfaces.</summary>
    public bool IsFileApiType(ITypeSymbol? type)
        => IsType(type, File) || IsType(type, FileInfo) || (IFile is not null && (IsType(type, IFile) || IsType(type, IFileInfo) || IsType(type, IFileSystemInfo)));

    /// <summary>A System.IO.Abstractions member (<c>IFile.WriteAllText</c>, <c>IFileStreamFactory.New</c> …): reported, never fixed (a fix cannot keep the abstraction).</summary>
    public bool IsFileSystemAbstraction(IMethodSymbol? method)
        => IFile is not null && method?.ContainingNamespace?.ToDisplayString() == "System.IO.Abstractions";

    /// <summary>A <c>FileInfo</c> or a System.IO.Abstractions <c>IFileInfo</c> / <c>IFileSystemInfo</c>.</summary>
    public bool IsFileInfoLike(ITypeSymbol? type)
        => InheritsFrom(type, FileSystemInfo)
           || (IFileSystemInfo is not null && type is not null && (IsType(type, IFileSystemInfo) || type.AllInterfaces.Contains(IFileSystemInfo, SymbolEqualityComparer.Default)));

    private static HashSet<ISymbol> PathTaking(HashSet<ISymbol> methods)
    {
        methods.RemoveWhere(m => m is not IMethodSymbol { Parameters.Length: > 0 } method || method.Parameters[0].Type.SpecialType != SpecialType.System_String);
        return methods;
    }

    /// <summary><c>System.Threading.Mutex</c>: unnamed, an in-process lock; named, a cross-process one.</summary>
    public INamedTypeSymbol? Mutex { get; }

    /// <summary>Calls that enter an in-process lock region: <c>Monitor.Enter</c>, <c>SemaphoreSlim.Wait/WaitAsync</c>, <c>ReaderWriterLockSlim.Enter…Lock</c>.</summary>
    public HashSet<ISymbol> InProcessLockEnters { get; }

    /// <summary><c>WaitHandle.WaitOne</c> (an unnamed <see cref="Mutex"/> enters its region with it).</summary>
    public HashSet<ISymbol> MutexWaitOne { get; }

    /// <summary>Values that make a path unique to this process: <c>Guid.NewGuid</c>, <c>GetTempFileName</c>, <c>GetRandomFileName</c>, the process id.</summary>
    public HashSet<ISymbol> ProcessUniqueSources { get; }

    /// <summary><c>SafeWrites.JsonFileStore&lt;T&gt;</c>: locks across processes itself.</summary>
    public INamedTypeSymbol? JsonFileStore { get; }

    public Compilation Compilation { get; }

    public INamedTypeSymbol? File { get; }
    public INamedTypeSymbol? FileInfo { get; }
    public INamedTypeSymbol? FileSystemInfo { get; }
    public INamedTypeSymbol? FileStream { get; }
    public INamedTypeSymbol? FileStreamOptions { get; }
    public INamedTypeSymbol? FileMode { get; }
    public INamedTypeSymbol? FileAccess { get; }
    public INamedTypeSymbol? Stream { get; }
    public INamedTypeSymbol? TextWriter { get; }
    public INamedTypeSymbol? TextReader { get; }
    public INamedTypeSymbol? StreamWriter { get; }
    public INamedTypeSymbol? BinaryWriter { get; }
    public INamedTypeSymbol? BinaryReader { get; }
    public INamedTypeSymbol? Path { get; }
    public INamedTypeSymbol? Encoding { get; }
    public INamedTypeSymbol? CancellationToken { get; }
    public INamedTypeSymbol? XmlWriter { get; }

    public INamedTypeSymbol? StjJsonSerializer { get; }
    public INamedTypeSymbol? Utf8JsonWriter { get; }
    public INamedTypeSymbol? JsonNode { get; }
    public INamedTypeSymbol? JsonSerializerOptions { get; }
    public INamedTypeSymbol? JsonTypeInfoOfT { get; }

    public INamedTypeSymbol? JsonConvert { get; }
    public INamedTypeSymbol? NewtonsoftJsonSerializer { get; }
    public INamedTypeSymbol? NewtonsoftJsonWriter { get; }
    public INamedTypeSymbol? JsonTextWriter { get; }
    public INamedTypeSymbol? JToken { get; }
    public INamedTypeSymbol? JsonSerializerSettings { get; }

    public INamedTypeSymbol? AtomicFile { get; }
    public INamedTypeSymbol? AtomicFileStream { get; }
    public INamedTypeSymbol? FileLock { get; }

    // Clocks and waits (SW2001, SW2002)
    public INamedTypeSymbol? DateTime { get; }
    public INamedTypeSymbol? DateTimeOffset { get; }
    public INamedTypeSymbol? TimeSpan { get; }
    public INamedTypeSymbol? TimeProvider { get; }
    public INamedTypeSymbol? Math { get; }
    public INamedTypeSymbol? Stopwatch { get; }
    public INamedTypeSymbol? Thread { get; }
    /// <summary><c>System.Threading.Timeout</c> (<c>InfiniteTimeSpan</c>).</summary>
    public INamedTypeSymbol? ThreadingTimeout { get; }
    public INamedTypeSymbol? Task { get; }
    public INamedTypeSymbol? SpinWait { get; }
    public INamedTypeSymbol? SpinLock { get; }
    public INamedTypeSymbol? Monitor { get; }
    public INamedTypeSymbol? WaitHandle { get; }
    public INamedTypeSymbol? SemaphoreSlim { get; }
    public INamedTypeSymbol? ManualResetEventSlim { get; }
    public INamedTypeSymbol? CountdownEvent { get; }
    public INamedTypeSymbol? ReaderWriterLockSlim { get; }
    public INamedTypeSymbol? PeriodicTimer { get; }
    public INamedTypeSymbol? IOException { get; }
    public INamedTypeSymbol? FileShare { get; }

    /// <summary><c>DateTime.Now/UtcNow</c>, <c>DateTimeOffset.Now/UtcNow</c> (properties).</summary>
    public HashSet<ISymbol> WallClockNow { get; }
    /// <summary><c>TimeProvider.GetUtcNow()</c> / <c>GetLocalNow()</c> (overrides are matched through <see cref="ContainsOrOverrides"/>).</summary>
    public HashSet<ISymbol> TimeProviderWallClock { get; }
    /// <summary>Calls that wait or poll: <c>Thread.Sleep</c>, <c>Task.Delay</c>, <c>SpinWait</c>, <c>Wait…</c>, <c>TryEnter</c>, <c>WaitOne</c> ….</summary>
    public HashSet<ISymbol> Waits { get; }
    public HashSet<ISymbol> FileStreamLock { get; }
    /// <summary>Calls that open a file for reading: <c>File.OpenRead/OpenText/ReadAll…/ReadLines</c>, <c>FileInfo.OpenRead/OpenText</c>.</summary>
    public HashSet<ISymbol> FileReadOpens { get; }
    public HashSet<ISymbol> FileLockAcquire { get; }

    /// <summary>SW2001 needs the clocks; SW2002 the file APIs and IOException.</summary>
    public bool HasClocks => DateTime is not null && DateTimeOffset is not null;

    public bool HasLockFileApis => HasFileApis && IOException is not null;

    /// <summary>Fixes that rewrite to <c>FileLock</c> need it referenced.</summary>
    public bool HasFileLock => FileLock is not null;

    /// <summary>Like <see cref="Contains"/>, also for an override of a method in the set (a derived <c>TimeProvider</c>, a <c>WaitHandle</c> subclass).</summary>
    public static bool ContainsOrOverrides(HashSet<ISymbol> set, IMethodSymbol? method)
    {
        for (var current = method; current is not null; current = current.OverriddenMethod)
        {
            if (Contains(set, current))
            {
                return true;
            }
        }

        return false;
    }

    // Saves (SW3001)
    public INamedTypeSymbol? DbContext { get; }
    public INamedTypeSymbol? StringBuilder { get; }
    public INamedTypeSymbol? ICollectionOfT { get; }
    /// <summary>The <c>AtomicFile</c> methods that write (every one but the <c>…ReadJson…</c> readers).</summary>
    public HashSet<ISymbol> AtomicFileWrites { get; }
    public HashSet<ISymbol> AtomicFileStreamCommits { get; }
    public HashSet<ISymbol> DbContextSaveChanges { get; }

    /// <summary>The <c>JsonFileStore&lt;T&gt;</c> methods that write the document (SW3001 saves).</summary>
    public HashSet<ISymbol> JsonFileStoreWrites { get; }
    /// <summary>
    /// <c>Clear()</c> of the collections a "pending changes" marker is kept in: <c>ICollection&lt;T&gt;</c>,
    /// <c>IList</c>, <c>IDictionary</c> (implementations are matched through the interface), and the collections that
    /// implement none of them (<c>Queue&lt;T&gt;</c>, <c>Stack&lt;T&gt;</c>, the concurrent ones, <c>StringBuilder</c>).
    /// </summary>
    public HashSet<ISymbol> CollectionClears { get; }
    public INamedTypeSymbol? IEnumerable { get; }
    public HashSet<ISymbol> ArrayEmpty { get; }
    public HashSet<ISymbol> StringEmpty { get; }
    /// <summary><c>Interlocked.Exchange(ref field, empty)</c>: takes the pending value and resets the field in one step.</summary>
    public HashSet<ISymbol> InterlockedExchange { get; }

    /// <summary><c>File.WriteAll{Text,Bytes,Lines}[Async]</c>, every overload.</summary>
    public HashSet<ISymbol> FileWholeWrites { get; }
    /// <summary>The subset of <see cref="FileWholeWrites"/> whose content can be JSON text (SW1002).</summary>
    public HashSet<ISymbol> FileWholeTextOrBytesWrites { get; }
    public HashSet<ISymbol> FileAppends { get; }
    /// <summary><c>File.Create</c>, <c>File.CreateText</c>, <c>File.OpenWrite</c>.</summary>
    public HashSet<ISymbol> FileCreates { get; }
    public HashSet<ISymbol> FileOpens { get; }
    public HashSet<ISymbol> FileInfoCreates { get; }
    public HashSet<ISymbol> FileInfoOpens { get; }
    public HashSet<ISymbol> FileInfoAppends { get; }
    /// <summary><c>File.Move</c>, <c>File.Replace</c>: the first argument is published over the second.</summary>
    public HashSet<ISymbol> FileMoves { get; }
    /// <summary><c>FileInfo.MoveTo</c>, <c>FileInfo.Replace</c>: the instance is published over the first argument.</summary>
    public HashSet<ISymbol> FileInfoMoves { get; }
    public HashSet<ISymbol> TempPathSources { get; }
    public HashSet<ISymbol> EncodingGetBytes { get; }
    public HashSet<ISymbol> FileSystemInfoFullName { get; }

    // Temp-then-rename publishing (SW1003–SW1006)
    public INamedTypeSymbol? FileOptions { get; }
    /// <summary><c>File.Copy</c>: the first argument is copied over the second.</summary>
    public HashSet<ISymbol> FileCopies { get; }
    /// <summary><c>FileInfo.CopyTo</c>: the instance is copied over the first argument.</summary>
    public HashSet<ISymbol> FileInfoCopies { get; }
    public HashSet<ISymbol> FileDeletes { get; }
    public HashSet<ISymbol> FileInfoDeletes { get; }
    /// <summary>The sources of paths in the temp directory (<c>GetTempFileName</c>, <c>GetTempPath</c>, <c>CreateTempSubdirectory</c>): not <c>GetRandomFileName</c>, which names no directory.</summary>
    public HashSet<ISymbol> TempDirectorySources { get; }
    /// <summary><c>FileStream.Flush(bool)</c> (with <c>true</c>) and <c>RandomAccess.FlushToDisk</c>.</summary>
    public HashSet<ISymbol> FlushesToDisk { get; }

    public HashSet<ISymbol> StjSerialize { get; }
    public HashSet<ISymbol> StjSerializeAsync { get; }
    public HashSet<ISymbol> StjSerializeToUtf8Bytes { get; }
    public HashSet<ISymbol> JsonNodeToJsonString { get; }
    public HashSet<ISymbol> JsonConvertSerializeObject { get; }
    public HashSet<ISymbol> NewtonsoftSerialize { get; }
    /// <summary>Newtonsoft <c>JsonSerializer.Create</c> / <c>CreateDefault</c>.</summary>
    public HashSet<ISymbol> NewtonsoftCreateSerializer { get; }

    /// <summary>SW1001/SW1002 need System.IO's file APIs.</summary>
    public bool HasFileApis => File is not null && Stream is not null && TextWriter is not null;

    /// <summary>Fixes that rewrite to the runtime need it referenced.</summary>
    public bool HasAtomicFile => AtomicFile is not null && AtomicFileStream is not null;

    public bool IsType(ITypeSymbol? type, INamedTypeSymbol? known)
        => known is not null && type is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, known);

    /// <summary>True when <paramref name="type"/> is <paramref name="baseType"/> or derives from it.</summary>
    public static bool InheritsFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="method"/> (or, for a generic one, its definition) is in the set.</summary>
    public static bool Contains(HashSet<ISymbol> set, IMethodSymbol? method)
        => method is not null && set.Count != 0 && (set.Contains(method) || set.Contains(method.OriginalDefinition)
            || (method.ReducedFrom is { } reduced && set.Contains(reduced.OriginalDefinition)));

    private static HashSet<ISymbol> ClearMembers(Compilation compilation, INamedTypeSymbol? stringBuilder, INamedTypeSymbol? collectionOfT)
    {
        var set = Members(stringBuilder, "Clear");
        set.UnionWith(Members(collectionOfT, "Clear"));
        foreach (var name in new[]
                 {
                     "System.Collections.IList", "System.Collections.IDictionary", "System.Collections.Generic.Queue`1",
                     "System.Collections.Generic.Stack`1", "System.Collections.Concurrent.ConcurrentQueue`1",
                     "System.Collections.Concurrent.ConcurrentBag`1", "System.Collections.Concurrent.ConcurrentStack`1",
                 })
        {
            set.UnionWith(Members(compilation.GetTypeByMetadataName(name), "Clear"));
        }

        return set;
    }

    /// <summary>A type's members of the given names (all overloads), as a symbol set.</summary>
    public static HashSet<ISymbol> Members(INamedTypeSymbol? type, params string[] names)
    {
        var set = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        if (type is null)
        {
            return set;
        }

        foreach (var name in names)
        {
            foreach (var member in type.GetMembers(name))
            {
                set.Add(member);
            }
        }

        return set;
    }
}
