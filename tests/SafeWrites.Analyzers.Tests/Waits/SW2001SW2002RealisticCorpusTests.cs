using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeWrites.Analyzers.Tests.Verifiers;
using SafeWrites.Analyzers.Waits;
using Xunit;
using Xunit.Abstractions;

namespace SafeWrites.Analyzers.Tests.Waits;

/// <summary>
/// Precision and recall of SW2001/SW2002 on a corpus of realistic loops, rewritten in our own words from shapes seen
/// in public code (activity timers, UI-test waits, service-status waits, Azure 429 retries, dataset-cache and
/// directory lock files, pacing and scheduling loops, benchmark timing, log timestamps …). Each case is a separate
/// file; <c>/*SW2001*/</c> marks where a wall-clock timeout must be reported (right before the clock read),
/// <c>/*SW2002*/</c> a hand-rolled lock loop (right before the loop keyword). Everything else is a false positive.
/// The bar (issue 4): at least 9 in 10 squiggles right, at least 85 in 100 wall-clock timeouts found.
/// </summary>
public class SW2001SW2002RealisticCorpusTests
{
    private readonly ITestOutputHelper _output;

    public SW2001SW2002RealisticCorpusTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Precision_and_recall_on_the_realistic_corpus_meet_the_bar()
    {
        var totals = new Dictionary<string, (int TruePositives, int FalsePositives, int FalseNegatives)>
        {
            ["SW2001"] = (0, 0, 0),
            ["SW2002"] = (0, 0, 0),
        };

        for (var i = 0; i < Corpus.Length; i++)
        {
            var source = Corpus[i];
            var diagnostics = await AnalyzeAsync(source);
            foreach (var id in totals.Keys.ToList())
            {
                var expected = MarkerPositions(source, "/*" + id + "*/");
                var actual = diagnostics.Where(d => d.Id == id).Select(d => d.Location.SourceSpan.Start).ToList();
                var truePositives = actual.Count(expected.Contains);
                var falsePositives = actual.Count - truePositives;
                var falseNegatives = expected.Count(position => !actual.Contains(position));
                if (falsePositives != 0 || falseNegatives != 0)
                {
                    _output.WriteLine($"case {i}: {id} false positives {falsePositives}, false negatives {falseNegatives}");
                }

                var (tp, fp, fn) = totals[id];
                totals[id] = (tp + truePositives, fp + falsePositives, fn + falseNegatives);
            }
        }

        foreach (var (id, (tp, fp, fn)) in totals)
        {
            _output.WriteLine($"{id}: {tp} found, {fp} false positives, {fn} missed; precision {Ratio(tp, tp + fp)}, recall {Ratio(tp, tp + fn)}");
        }

        var (wallTp, wallFp, wallFn) = totals["SW2001"];
        var (lockTp, lockFp, _) = totals["SW2002"];
        Assert.True(wallTp + wallFn >= 30, "the corpus holds at least 30 wall-clock timeouts");
        Assert.True((wallTp + lockTp) * 10 >= 9 * (wallTp + lockTp + wallFp + lockFp), "at least 9 in 10 squiggles are right");
        Assert.True(wallTp * 100 >= 85 * (wallTp + wallFn), "at least 85 in 100 wall-clock timeouts are found");
    }

    [Fact]
    public async Task Every_fix_offered_on_the_corpus_compiles()
    {
        var providers = new CodeFixProvider[] { new CodeFixes.Waits.WallClockTimeoutCodeFixProvider(), new CodeFixes.Waits.UseFileLockCodeFixProvider() };
        var diagnosticsSeen = 0;
        var fixesApplied = 0;
        foreach (var source in Corpus)
        {
            using var workspace = new AdhocWorkspace();
            var project = workspace.AddProject("Corpus", LanguageNames.CSharp)
                .WithMetadataReferences(TestReferences.Net80.Add(TestReferences.SafeWritesRuntime))
                .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
                .WithParseOptions(new CSharpParseOptions(LanguageVersion.CSharp12));
            var document = project.AddDocument("Case.cs", source);
            var compilation = (await document.Project.GetCompilationAsync())!;
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new WallClockTimeoutAnalyzer(), new HandRolledLockFileAnalyzer());
            var diagnostics = await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            foreach (var diagnostic in diagnostics)
            {
                diagnosticsSeen++;
                foreach (var provider in providers.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
                {
                    var actions = new List<CodeAction>();
                    await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                    foreach (var action in actions)
                    {
                        var operations = await action.GetOperationsAsync(CancellationToken.None);
                        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
                        var fixedCompilation = (await changed.Project.GetCompilationAsync())!;
                        var errors = fixedCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                        Assert.True(errors.Count == 0, $"{action.Title} on {diagnostic.Id}:\n{(await changed.GetTextAsync())}\n{string.Join("\n", errors)}");
                        fixesApplied++;
                    }
                }
            }
        }

        _output.WriteLine($"{diagnosticsSeen} diagnostics on the corpus, {fixesApplied} fixes offered and compiled");
        Assert.True(fixesApplied > 0);
    }

    private static string Ratio(int numerator, int denominator) => denominator == 0 ? "n/a" : ((double)numerator / denominator).ToString("P1", System.Globalization.CultureInfo.InvariantCulture);

    private static List<int> MarkerPositions(string source, string marker)
    {
        var positions = new List<int>();
        for (var index = source.IndexOf(marker, System.StringComparison.Ordinal); index >= 0; index = source.IndexOf(marker, index + 1, System.StringComparison.Ordinal))
        {
            positions.Add(index + marker.Length);
        }

        return positions;
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12));
        var compilation = CSharpCompilation.Create(
            "Corpus",
            new[] { tree },
            TestReferences.Net80.Add(TestReferences.SafeWritesRuntime),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new WallClockTimeoutAnalyzer(), new HandRolledLockFileAnalyzer());
        return await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
    }

    internal static readonly string[] Corpus =
    {
        // ------------------------------------------------------------ wall-clock timeouts (recall set)
        """
        using System; using System.Threading;
        public class BreathingActivity
        {
            private readonly int _seconds = 30;
            public void Run()
            {
                DateTime startTime = /*SW2001*/DateTime.Now;
                DateTime endTime = startTime.AddSeconds(_seconds);
                while (DateTime.Now < endTime)
                {
                    Console.Write("Breathe in...");
                    Thread.Sleep(4000);
                    Console.Write("Breathe out...");
                    Thread.Sleep(4000);
                }
            }
        }
        """,
        """
        using System; using System.Threading;
        public class ListingActivity
        {
            public void Run(int duration)
            {
                var endTime = /*SW2001*/DateTime.Now.AddSeconds(duration);
                while (DateTime.Now < endTime)
                {
                    Console.WriteLine("> think of one more");
                    ShowCountdown(5);
                }
            }

            private static void ShowCountdown(int seconds)
            {
                for (var i = seconds; i > 0; i--) { Console.Write(i); Thread.Sleep(1000); Console.Write("\b \b"); }
            }
        }
        """,
        """
        using System; using System.Threading;
        public class RandomPauseEvent
        {
            public bool IsRunning { get; set; } = true;
            public void DoEvent(double min, double max)
            {
                var delay = min + new Random().NextDouble() * (max - min);
                var endDateTime = /*SW2001*/DateTime.Now.AddSeconds(delay);
                while (DateTime.Now < endDateTime)
                {
                    if (!IsRunning) return;
                    Thread.Sleep(1);
                }
            }
        }
        """,
        """
        using System; using System.Threading.Tasks;
        public interface IBrowser { string Url { get; } }
        public class LoginWatcher
        {
            private readonly IBrowser _browser;
            public LoginWatcher(IBrowser browser) => _browser = browser;
            public async Task<bool> WaitForTargetUrlAsync(string target)
            {
                var timeout = /*SW2001*/DateTime.Now.AddMinutes(10);
                var checks = 0;
                while (DateTime.Now < timeout)
                {
                    try
                    {
                        checks++;
                        if (_browser.Url.Contains(target)) return true;
                    }
                    catch (InvalidOperationException)
                    {
                        Console.WriteLine($"browser busy after {checks} checks");
                    }

                    await Task.Delay(2000);
                }

                return false;
            }
        }
        """,
        """
        using System; using System.Threading;
        public sealed class CommandModule { public object? Received; }
        public class BusTests
        {
            public void Should_receive_the_command(CommandModule module, Action send)
            {
                send();
                var timeout = /*SW2001*/DateTime.Now.AddMilliseconds(5000);
                while (DateTime.Now < timeout && module.Received == null)
                {
                    Thread.Sleep(50);
                }

                if (module.Received == null) throw new Exception("not received");
            }
        }
        """,
        """
        using System; using System.Threading; using System.Threading.Tasks;
        public class ServerLauncher
        {
            public async Task<object> EnsureServerAsync(Func<CancellationToken, Task<object?>> connect, Func<bool> exited, CancellationToken ct)
            {
                var end = /*SW2001*/DateTime.Now.AddSeconds(30);
                while (DateTime.Now < end)
                {
                    ct.ThrowIfCancellationRequested();
                    if (await connect(ct).ConfigureAwait(false) is { } client) return client;
                    if (exited()) throw new InvalidOperationException("server exited");
                    await Task.Delay(300, ct).ConfigureAwait(false);
                }

                throw new InvalidOperationException("server is not running");
            }
        }
        """,
        """
        using System; using System.Threading;
        public enum ServiceState { Stopped, Running }
        public class ServiceHandle
        {
            private readonly ManualResetEvent _changed = new(false);
            public ServiceState State { get; private set; }
            public void Refresh() { }
            public void WaitForStatus(ServiceState desired, TimeSpan timeout)
            {
                DateTime start = /*SW2001*/DateTime.UtcNow;
                Refresh();
                while (State != desired)
                {
                    if (DateTime.UtcNow - start > timeout)
                        throw new TimeoutException("service did not reach " + desired);
                    _changed.WaitOne(250);
                    Refresh();
                }
            }
        }
        """,
        """
        using System; using System.Threading; using System.Threading.Tasks;
        public sealed class ThrottledException : Exception { public int Status { get; init; } }
        public static class Throttle
        {
            public static async Task<T> RetryAsync<T>(Func<Task<T>> action, int maxAttempts, TimeSpan maxElapsed, CancellationToken ct)
            {
                var startedUtc = /*SW2001*/DateTime.UtcNow;
                var attempt = 0;
                var delay = TimeSpan.FromMilliseconds(200);
                while (true)
                {
                    ct.ThrowIfCancellationRequested();
                    try
                    {
                        return await action();
                    }
                    catch (ThrottledException ex) when (ex.Status == 429)
                    {
                        attempt++;
                        var elapsed = DateTime.UtcNow - startedUtc;
                        if (attempt >= maxAttempts || elapsed >= maxElapsed)
                            throw new TimeoutException($"gave up after {attempt} attempts", ex);
                        await Task.Delay(delay, ct);
                        delay = TimeSpan.FromTicks(delay.Ticks * 2);
                    }
                }
            }
        }
        """,
        """
        using System; using System.IO; using System.Threading.Tasks;
        public sealed class HeldFile : IDisposable
        {
            private readonly Stream _stream;
            public HeldFile(Stream stream) => _stream = stream;
            public void Dispose() => _stream.Dispose();
        }
        public class FileLockFactory
        {
            public async Task<HeldFile> Create(FileInfo path, TimeSpan timeOut)
            {
                var startTime = /*SW2001*/DateTime.Now;
                /*SW2002*/while (true)
                {
                    try
                    {
                        var stream = File.Open(path.FullName, FileMode.Create, FileAccess.Write, FileShare.None);
                        return new HeldFile(stream);
                    }
                    catch (IOException)
                    {
                        if (DateTime.Now - startTime > timeOut) throw;
                        await Task.Delay(TimeSpan.FromSeconds(1));
                    }
                }
            }
        }
        """,
        """
        using System; using System.Threading.Tasks;
        public static class Scenario
        {
            public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, string what, int seconds = 12) where T : class
            {
                var until = /*SW2001*/DateTime.UtcNow.AddSeconds(seconds);
                while (DateTime.UtcNow < until)
                {
                    if (await probe().ConfigureAwait(false) is { } hit) return hit;
                    await Task.Delay(250).ConfigureAwait(false);
                }

                throw new TimeoutException($"Timed out waiting for {what}.");
            }
        }
        """,
        """
        using System; using System.Threading.Tasks;
        public class AuditTests
        {
            public async Task<string?> FindAuditEventAsync(Func<Task> flush, Func<Task<string?>> find)
            {
                var limit = /*SW2001*/DateTime.UtcNow.AddSeconds(20);
                do
                {
                    await flush();
                    var found = await find();
                    if (found is not null) return found;
                    await Task.Delay(500);
                } while (DateTime.UtcNow < limit);
                return null;
            }
        }
        """,
        """
        using System; using System.Threading.Tasks;
        public class ExportChecker { public volatile bool Exported; }
        public class AtnaTests
        {
            private readonly ExportChecker _checker = new();
            public async Task WaitForExportAsync()
            {
                var timeoutAt = /*SW2001*/DateTime.UtcNow.AddSeconds(4);
                while (!_checker.Exported && DateTime.UtcNow < timeoutAt)
                {
                    await Task.Delay(50);
                }
            }
        }
        """,
        """
        using System; using System.Collections.Generic; using System.Linq; using System.Threading.Tasks;
        public class ClusterProbe
        {
            public async Task<bool> ObserveAsync(Func<IReadOnlyList<string>> members, int seconds)
            {
                var deadline = /*SW2001*/DateTime.UtcNow.AddSeconds(seconds);
                var sawWorkerUp = false;
                while (DateTime.UtcNow < deadline)
                {
                    var others = members().Where(m => m != "seed").ToList();
                    if (others.Count > 0) sawWorkerUp = true;
                    else if (sawWorkerUp) return true;
                    await Task.Delay(500);
                }

                return false;
            }
        }
        """,
        """
        using System; using System.Threading; using System.Threading.Tasks;
        public class CombatHarness
        {
            public async Task RunAsync(int sessionSeconds, Func<bool> gameEnded, CancellationToken cancellationToken)
            {
                var sessionEndAt = /*SW2001*/DateTime.UtcNow.AddSeconds(sessionSeconds);
                var step = 0;
                while (DateTime.UtcNow < sessionEndAt && !cancellationToken.IsCancellationRequested)
                {
                    if (gameEnded()) break;
                    step = (step + 1) % 5;
                    await Task.Delay(400, cancellationToken);
                }
            }
        }
        """,
        """
        using System; using System.Threading;
        public class Installer
        {
            private DateTime _started;
            private const int TimeoutSeconds = 120;
            public void Begin() => _started = DateTime.Now;
            public void WaitForFinish(Func<bool> finished)
            {
                while (!finished())
                {
                    if ((/*SW2001*/DateTime.Now - _started).TotalSeconds > TimeoutSeconds) throw new TimeoutException("installer hung");
                    Thread.Sleep(100);
                }
            }
        }
        """,
        """
        using System; using System.IO; using System.Threading;
        public static class SharedFiles
        {
            public static byte[] ReadWhenFree(string path)
            {
                var start = /*SW2001*/DateTime.Now;
                for (var attempt = 0; ; attempt++)
                {
                    try
                    {
                        return File.ReadAllBytes(path);
                    }
                    catch (IOException) when (DateTime.Now - start < TimeSpan.FromSeconds(10))
                    {
                        Thread.Sleep(200);
                    }
                }
            }
        }
        """,
        """
        using System; using System.Collections.Concurrent; using System.Threading; using System.Threading.Tasks;
        public class WorkQueue<T>
        {
            private readonly ConcurrentQueue<T> _queue = new();
            private readonly TimeProvider _clock;
            public WorkQueue(TimeProvider clock) => _clock = clock;
            public async Task<T?> TakeAsync(TimeSpan timeout, CancellationToken ct)
            {
                var deadline = /*SW2001*/_clock.GetUtcNow() + timeout;
                T? item;
                while (!_queue.TryDequeue(out item))
                {
                    if (_clock.GetUtcNow() >= deadline) return default;
                    await Task.Delay(10, ct);
                }

                return item;
            }
        }
        """,
        """
        using System; using System.Threading;
        public class ConnectionPool
        {
            private readonly SemaphoreSlim _slots = new(4);
            public bool TryRent(TimeSpan budget)
            {
                var begun = /*SW2001*/DateTimeOffset.UtcNow;
                while ((DateTimeOffset.UtcNow - begun).TotalSeconds < budget.TotalSeconds)
                {
                    if (_slots.Wait(100)) return true;
                }

                return false;
            }
        }
        """,
        """
        using System; using System.Threading;
        public static class SingleInstance
        {
            public static Mutex Acquire(string name, TimeSpan timeout)
            {
                var mutex = new Mutex(false, name);
                var deadline = /*SW2001*/DateTime.Now + timeout;
                while (!mutex.WaitOne(100))
                {
                    if (DateTime.Now > deadline) throw new TimeoutException("another instance is running");
                }

                return mutex;
            }
        }
        """,
        """
        using System; using System.Threading;
        public class ReadySignal
        {
            private int _ready;
            public void Set() => Volatile.Write(ref _ready, 1);
            public void WaitReady(TimeSpan max)
            {
                var t0 = /*SW2001*/DateTime.UtcNow;
                var spinner = new SpinWait();
                while (Volatile.Read(ref _ready) == 0)
                {
                    if (DateTime.UtcNow - t0 > max) throw new TimeoutException();
                    spinner.SpinOnce();
                }
            }
        }
        """,
        """
        using System; using System.Net.Sockets; using System.Threading;
        public static class PortWaiter
        {
            public static void WaitForPort(string host, int port, TimeSpan timeout)
            {
                var start = /*SW2001*/DateTime.Now;
                while (true)
                {
                    try
                    {
                        using var client = new TcpClient();
                        client.Connect(host, port);
                        return;
                    }
                    catch (SocketException)
                    {
                        if (DateTime.Now - start > timeout) throw;
                        Thread.Sleep(500);
                    }
                }
            }
        }
        """,
        """
        using System; using System.Diagnostics; using System.Threading;
        public class IndexerTests
        {
            public void Documents_become_searchable(Func<int> count)
            {
                var deadline = /*SW2001*/DateTime.UtcNow.AddSeconds(15);
                while (count() < 100)
                {
                    Debug.Assert(DateTime.UtcNow < deadline, "indexing took too long");
                    Thread.Sleep(250);
                }
            }
        }
        """,
        """
        using System; using System.Diagnostics; using System.Threading;
        public static class Tools
        {
            public static bool RunWithTimeout(Process proc, int milliseconds)
            {
                var started = /*SW2001*/DateTime.Now;
                while (!proc.HasExited)
                {
                    if ((DateTime.Now - started).TotalMilliseconds > milliseconds)
                    {
                        proc.Kill();
                        break;
                    }

                    Thread.Sleep(100);
                }

                return proc.HasExited && proc.ExitCode == 0;
            }
        }
        """,
        """
        using System; using System.Threading.Tasks;
        public class Replicator
        {
            public async Task<bool> WaitForCatchUpAsync(Func<bool> caughtUp, TimeSpan allowed)
            {
                var deadline = /*SW2001*/DateTime.UtcNow + allowed;
                var timedOut = false;
                while (!caughtUp())
                {
                    timedOut = DateTime.UtcNow > deadline;
                    if (timedOut) break;
                    await Task.Delay(100);
                }

                return !timedOut;
            }
        }
        """,
        """
        using System; using System.Threading;
        public class Mailbox
        {
            public bool TryTake(Func<bool> tryTake, DateTime deadline)
            {
                do
                {
                    if (tryTake()) return true;
                    Thread.Sleep(5);
                } while (/*SW2001*/DateTime.UtcNow < deadline);
                return false;
            }
        }
        """,
        """
        using System; using System.IO; using System.Threading.Tasks;
        public class Journal
        {
            public async Task<FileStream> OpenAsync(string path)
            {
                var giveUp = /*SW2001*/DateTime.UtcNow.AddSeconds(5);
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        return new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
                    }
                    catch (IOException) when (attempt < 10 && DateTime.UtcNow < giveUp)
                    {
                        await Task.Delay(attempt * 100);
                    }
                }
            }
        }
        """,
        """
        using System; using System.IO; using System.Threading;
        public static class Drops
        {
            public static bool WaitForFile(string path)
            {
                var begin = /*SW2001*/DateTime.Now;
                while (!File.Exists(path))
                {
                    if (DateTime.Now.Subtract(begin).TotalSeconds > 30) return false;
                    Thread.Sleep(250);
                }

                return true;
            }
        }
        """,
        """
        using System; using System.Threading;
        public class Throttler
        {
            public void Pause(Func<bool> released)
            {
                long startTicks = /*SW2001*/DateTime.UtcNow.Ticks;
                while (!released() && DateTime.UtcNow.Ticks - startTicks < TimeSpan.TicksPerSecond * 5)
                {
                    Thread.Sleep(1);
                }
            }
        }
        """,
        """
        using System; using System.IO; using System.Threading;
        public class DatasetCacheLock
        {
            public void Build(string cacheDir, Action build)
            {
                var lockPath = Path.Combine(cacheDir, "dataset.lock");
                var waitedSince = /*SW2001*/DateTime.UtcNow;
                /*SW2002*/while (true)
                {
                    try
                    {
                        using (new FileStream(lockPath, FileMode.CreateNew, FileAccess.Write)) { }
                        break;
                    }
                    catch (IOException)
                    {
                        if (DateTime.UtcNow - waitedSince > TimeSpan.FromMinutes(10))
                            throw new TimeoutException("dataset cache is locked by another run");
                        Thread.Sleep(1000);
                    }
                }

                try { build(); }
                finally { File.Delete(lockPath); }
            }
        }
        """,
        """
        using System; using System.Threading; using System.Threading.Tasks;
        public class JobPoller
        {
            public async Task<string> WaitForJobAsync(Func<Task<string>> status, CancellationToken ct)
            {
                var started = /*SW2001*/DateTimeOffset.Now;
                while (true)
                {
                    var s = await status();
                    if (s is "done" or "failed") return s;
                    if (DateTimeOffset.Now - started > TimeSpan.FromMinutes(15)) throw new TimeoutException();
                    await Task.Delay(TimeSpan.FromSeconds(5), ct);
                }
            }
        }
        """,
        """
        using System; using System.Threading;
        public class Elevator
        {
            private readonly object _sync = new();
            private bool _arrived;
            public bool WaitForArrival(int seconds)
            {
                var deadline = /*SW2001*/DateTime.Now.AddSeconds(seconds);
                lock (_sync)
                {
                    while (!_arrived)
                    {
                        var remaining = deadline - DateTime.Now;
                        if (remaining <= TimeSpan.Zero) return false;
                        Monitor.Wait(_sync, remaining);
                    }
                }

                return true;
            }
        }
        """,
        """
        using System; using System.Threading.Tasks;
        public interface IPage { Task<bool> IsVisibleAsync(string selector); Task PauseAsync(int ms); }
        public class PageObject
        {
            private readonly IPage _page;
            public PageObject(IPage page) => _page = page;
            public async Task WaitVisibleAsync(string selector)
            {
                // The wait is behind an interface the analyzer cannot see into: a known miss.
                var until = /*SW2001*/DateTime.Now.AddSeconds(10);
                while (DateTime.Now < until)
                {
                    if (await _page.IsVisibleAsync(selector)) return;
                    await _page.PauseAsync(200);
                }

                throw new TimeoutException(selector);
            }
        }
        """,

        // ------------------------------------------------------------ second batch, added without tuning the analyzer
        """
        using System; using System.Net.Http; using System.Threading.Tasks;
        public class ReportDownloader
        {
            public async Task<byte[]?> DownloadWhenReadyAsync(HttpClient http, string url)
            {
                var start = /*SW2001*/DateTime.Now;
                while (true)
                {
                    var response = await http.GetAsync(url);
                    if (response.IsSuccessStatusCode) return await response.Content.ReadAsByteArrayAsync();
                    if (DateTime.Now.Subtract(start).TotalSeconds > 60)
                    {
                        Console.WriteLine("report was not generated in time");
                        return null;
                    }

                    await Task.Delay(1000);
                }
            }
        }
        """,
        """
        using System; using System.Threading;
        public static class LongOperationSimulator
        {
            public static void KeepRunningUntil(int seconds, Action tick)
            {
                var beginTime = /*SW2001*/DateTime.Now;
                while (true)
                {
                    tick();
                    if ((DateTime.Now - beginTime).TotalSeconds > seconds) break;
                    Thread.Sleep(100);
                }
            }
        }
        """,
        """
        using System; using System.Threading.Tasks;
        public class Warmup
        {
            public async Task<int> PingUntilAsync(Func<Task<bool>> ping, DateTime stopAt)
            {
                var ok = 0;
                for (var i = 0; i < 600 && /*SW2001*/DateTime.UtcNow < stopAt; i++)
                {
                    if (await ping()) ok++;
                    await Task.Delay(100);
                }

                return ok;
            }
        }
        """,
        """
        using System; using System.Diagnostics;
        public static class Shell
        {
            public static int Run(string file, string args, TimeSpan timeout)
            {
                using var proc = Process.Start(file, args);
                var start = /*SW2001*/DateTime.Now;
                while (!proc.WaitForExit(100))
                {
                    if (DateTime.Now - start > timeout)
                    {
                        proc.Kill(entireProcessTree: true);
                        throw new TimeoutException(file);
                    }
                }

                return proc.ExitCode;
            }
        }
        """,
        """
        using System;
        public static class SyncHelper
        {
            public static void WaitUntil(Func<bool> condition, int timeoutInMs = 500)
            {
                var time = DateTime.UtcNow;
                var timeout = TimeSpan.FromMilliseconds(timeoutInMs);
                while (DateTime.UtcNow - time < timeout)
                {
                    if (condition()) return;
                }

                throw new TimeoutException();
            }
        }
        """,
        """
        using System; using System.Diagnostics; using System.Threading;
        public class Loader
        {
            public void Import(string[] rows, Action<string> insert)
            {
                DateTime startTime = DateTime.Now;
                for (var i = 0; i < rows.Length; i++)
                {
                    if (i % 25 == 0) Debug.WriteLine($"Item {i + 1}/{rows.Length}: elapsed {DateTime.Now.Subtract(startTime).Duration()}");
                    insert(rows[i]);
                    Thread.Sleep(5);
                }
            }
        }
        """,
        """
        using System;
        public class Simulation
        {
            public int StepTime { get; set; } = 16;
            public void CheckTimings(DateTime start)
            {
                var elapsed = DateTime.Now.Subtract(start).TotalMilliseconds;
                if (elapsed > StepTime) Console.WriteLine($"processing time warning: {elapsed}");
            }
        }
        """,
        """
        using System; using System.IO; using System.Threading;
        public sealed class LockHandle : IDisposable
        {
            private readonly FileStream _stream;
            public LockHandle(FileStream stream) => _stream = stream;
            public void Dispose() => _stream.Dispose();
        }
        public static class BuildLock
        {
            public static LockHandle Acquire(string file, TimeSpan timeout)
            {
                var stopAt = /*SW2001*/DateTime.UtcNow.Add(timeout);
                LockHandle? handle = null;
                /*SW2002*/while (handle == null)
                {
                    try
                    {
                        handle = new LockHandle(new FileStream(file, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
                    }
                    catch (IOException) when (DateTime.UtcNow < stopAt)
                    {
                        Thread.Sleep(250);
                    }
                }

                return handle;
            }
        }
        """,

        // ------------------------------------------------------------ third batch (lock libraries), added without tuning
        """
        using System; using System.Collections.Concurrent; using System.IO; using System.Threading;
        public abstract class MarkerLock
        {
            private static readonly ConcurrentDictionary<string, bool> Held = new();
            protected void CreateLock(string path, TimeSpan timeout)
            {
                var expire = /*SW2001*/DateTime.UtcNow.Add(timeout);
            retry:
                while (File.Exists(path))
                {
                    if (expire < DateTime.UtcNow) throw new TimeoutException($"lock '{path}' timed out");
                    Thread.Sleep(500);
                }

                // A lock loop built with goto has no loop keyword to report at: a known SW2002 miss.
                try
                {
                    using (new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None)) { }
                    Held[path] = true;
                }
                catch (IOException)
                {
                    goto retry;
                }
            }
        }
        """,
        """
        using System; using System.IO; using System.Threading; using System.Threading.Tasks;
        public sealed class PollingLock : IDisposable
        {
            private readonly FileStream _stream;
            private PollingLock(FileStream stream) => _stream = stream;
            public void Dispose() => _stream.Dispose();

            public static PollingLock? TryAcquire(string lockFilePath)
            {
                try
                {
                    return new PollingLock(new FileStream(lockFilePath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose));
                }
                catch (IOException)
                {
                    return null;
                }
            }

            public static async Task<PollingLock> AcquireAsync(string lockFilePath, TimeSpan pollingInterval, CancellationToken ct = default)
            {
                /*SW2002*/while (true)
                {
                    ct.ThrowIfCancellationRequested();
                    var acquired = TryAcquire(lockFilePath);
                    if (acquired != null) return acquired;
                    await Task.Delay(pollingInterval, ct);
                }
            }
        }
        """,
        """
        using System; using System.IO;
        public class RunMarker
        {
            private bool _mine;
            private const string LockFile = ".running";
            public bool TryStart()
            {
                if (File.Exists(LockFile)) return false;
                try { using (File.Create(LockFile)) { _mine = true; return true; } }
                catch { return false; }
            }

            public void Stop() { if (_mine) File.Delete(LockFile); }
        }
        """,

        // ------------------------------------------------------------ lock files without a wall clock
        """
        using System.IO; using System.Threading;
        public class DirectoryLock
        {
            private FileStream? _lockStream;
            public DirectoryLock(string dir)
            {
                var lockFile = Path.Combine(dir, "lock");
                var count = 30;
                /*SW2002*/while (true)
                {
                    try
                    {
                        _lockStream = File.Open(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                        return;
                    }
                    catch (IOException)
                    {
                        if (--count <= 0) throw;
                        Thread.Sleep(500);
                    }
                }
            }

            public void Release() { _lockStream?.Dispose(); _lockStream = null; }
        }
        """,
        """
        using System; using System.IO; using System.Threading;
        public static class PidLock
        {
            public static FileStream Take(string path)
            {
                var attempts = 0;
                /*SW2002*/do
                {
                    try
                    {
                        var fs = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 16, FileOptions.DeleteOnClose);
                        var pid = System.Text.Encoding.ASCII.GetBytes(Environment.ProcessId.ToString());
                        fs.Write(pid, 0, pid.Length);
                        return fs;
                    }
                    catch (IOException)
                    {
                        Thread.Sleep(50);
                    }
                } while (++attempts < 200);
                throw new IOException("lock busy");
            }
        }
        """,

        // ------------------------------------------------------------ not timeouts, not locks (precision set)
        """
        using System; using System.Threading;
        public class Bench
        {
            public TimeSpan Measure(Action work)
            {
                var start = DateTime.Now;
                for (var i = 0; i < 10; i++) { work(); Thread.Sleep(1); }
                var took = DateTime.Now - start;
                Console.WriteLine($"took {took.TotalMilliseconds} ms");
                return took;
            }
        }
        """,
        """
        using System; using System.Diagnostics; using System.Threading;
        public class Heartbeat
        {
            private DateTime _lastBeat;
            public void Run(Func<bool> stop, Action<string> send)
            {
                var sw = Stopwatch.StartNew();
                while (!stop() && sw.Elapsed < TimeSpan.FromMinutes(5))
                {
                    _lastBeat = DateTime.UtcNow;
                    send($"{DateTime.UtcNow:O} alive");
                    Thread.Sleep(1000);
                }
            }
        }
        """,
        """
        using System; using System.IO; using System.Threading;
        public class Backups
        {
            public void Save(string dir, byte[] data)
            {
                for (var attempt = 0; attempt < 5; attempt++)
                {
                    var name = Path.Combine(dir, $"backup-{DateTime.Now:yyyyMMdd-HHmmss}.bin");
                    try { File.WriteAllBytes(name, data); return; }
                    catch (IOException) { Thread.Sleep(1000); }
                }
            }
        }
        """,
        """
        using System; using System.IO; using System.Net.WebSockets; using System.Threading; using System.Threading.Tasks;
        public class Pusher
        {
            public async Task PushAsync(WebSocket ws, Stream source, int bytesPerSecond, CancellationToken ct)
            {
                var buffer = new byte[4096];
                var started = DateTime.UtcNow;
                long sent = 0;
                int read;
                while ((read = await source.ReadAsync(buffer, ct)) > 0)
                {
                    await ws.SendAsync(new ReadOnlyMemory<byte>(buffer, 0, read), WebSocketMessageType.Binary, true, ct);
                    sent += read;
                    var expected = (double)sent / bytesPerSecond;
                    var actual = (DateTime.UtcNow - started).TotalSeconds;
                    var sleep = expected - actual;
                    if (sleep > 0) await Task.Delay(TimeSpan.FromSeconds(sleep), ct);
                }
            }
        }
        """,
        """
        using System; using System.Threading;
        public class Sampler
        {
            private readonly int _delay = 100;
            public void Loop(Func<bool> working, Action measure)
            {
                while (working())
                {
                    var startTime = DateTime.UtcNow;
                    measure();
                    var spread = (DateTime.UtcNow - startTime).TotalMilliseconds;
                    if (_delay - spread > 0) Thread.Sleep(_delay - (int)spread);
                }
            }
        }
        """,
        """
        using System; using System.Threading;
        public class Nightly
        {
            public void Run(Action job)
            {
                while (true)
                {
                    while (DateTime.Now.Hour != 3) Thread.Sleep(60_000);
                    job();
                    while (DateTime.Now.Hour == 3) Thread.Sleep(60_000);
                }
            }
        }
        """,
        """
        using System; using System.Threading;
        public sealed class AccessToken { public DateTime ExpiresAt { get; init; } }
        public class TokenCache
        {
            public AccessToken Refresh(AccessToken token, Func<AccessToken?> renew)
            {
                while (true)
                {
                    if (DateTime.UtcNow < token.ExpiresAt.AddMinutes(-1)) return token;
                    token = renew() ?? token;
                    Thread.Sleep(500);
                }
            }
        }
        """,
        """
        using System; using System.Threading;
        public class MonotonicWaits
        {
            public void A(Func<bool> done)
            {
                var end = Environment.TickCount64 + 5000;
                while (!done() && Environment.TickCount64 < end) Thread.Sleep(10);
            }

            public void B(TimeProvider time, Func<bool> done)
            {
                var start = time.GetTimestamp();
                while (!done() && time.GetElapsedTime(start) < TimeSpan.FromSeconds(5)) Thread.Sleep(10);
            }
        }
        """,
        """
        using System; using System.Collections.Generic;
        public class Cache
        {
            public int Evict(List<(string Key, DateTime Expires)> entries)
            {
                var removed = 0;
                var now = DateTime.UtcNow;
                for (var i = entries.Count - 1; i >= 0; i--)
                {
                    if (entries[i].Expires < now) { entries.RemoveAt(i); removed++; continue; }
                }

                return removed;
            }
        }
        """,
        """
        using System; using System.Threading;
        public class Game
        {
            public void Loop(Func<bool> running, Action<double> update)
            {
                var last = DateTime.Now;
                while (running())
                {
                    var now = DateTime.Now;
                    update((now - last).TotalSeconds);
                    last = now;
                    Thread.Sleep(16);
                }
            }
        }
        """,
        """
        using System; using System.Diagnostics; using System.Threading;
        public class Copier
        {
            public void Copy(Func<bool> step)
            {
                var lastReport = DateTime.UtcNow;
                var sw = Stopwatch.StartNew();
                while (step() && sw.Elapsed < TimeSpan.FromHours(1))
                {
                    if (DateTime.UtcNow - lastReport > TimeSpan.FromSeconds(1))
                    {
                        Console.WriteLine("still copying");
                        lastReport = DateTime.UtcNow;
                    }

                    Thread.Sleep(5);
                }
            }
        }
        """,
        """
        using System; using System.Collections.Concurrent; using System.Threading.Tasks;
        public class RateLimitedSender
        {
            private DateTime _nextAllowed = DateTime.MinValue;
            private readonly TimeSpan _interval = TimeSpan.FromMilliseconds(200);
            public async Task DrainAsync(ConcurrentQueue<string> queue, Func<string, Task> send)
            {
                while (queue.TryDequeue(out var message))
                {
                    if (DateTime.UtcNow < _nextAllowed) await Task.Delay(_nextAllowed - DateTime.UtcNow);
                    _nextAllowed = DateTime.UtcNow + _interval;
                    await send(message);
                }
            }
        }
        """,
        """
        using System;
        public class ReflectingActivity
        {
            public void Run(int duration)
            {
                var endTime = DateTime.Now.AddSeconds(duration);
                while (DateTime.Now < endTime)
                {
                    Console.Write("> ");
                    var answer = Console.ReadLine();
                    if (string.IsNullOrWhiteSpace(answer)) continue;
                }
            }
        }
        """,
        """
        using System; using System.Threading; using System.Threading.Tasks;
        public class CronHost
        {
            public async Task RunAsync(Func<DateTime, DateTime> next, Func<Task> job, CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    var due = next(DateTime.Now);
                    await Task.Delay(due - DateTime.Now, ct);
                    await job();
                }
            }
        }
        """,
        """
        using System; using System.IO; using System.Threading;
        public class Uploader
        {
            private DateTime _lastError;
            public void Upload(string path, Action<string> upload)
            {
                for (var i = 0; i < 3; i++)
                {
                    try { upload(path); return; }
                    catch (IOException ex)
                    {
                        _lastError = DateTime.UtcNow;
                        Console.WriteLine($"{_lastError:O} {ex.Message}");
                        Thread.Sleep(100);
                    }
                }
            }
        }
        """,
        """
        using System; using System.Threading;
        public class QuietHours
        {
            public void WaitForMorning()
            {
                var quietUntil = DateTime.Today.AddHours(7);
                while (DateTime.Now < quietUntil) Thread.Sleep(60_000);
            }
        }
        """,
        """
        using System; using System.Security.Cryptography.X509Certificates; using System.Threading;
        public class CertRotation
        {
            public X509Certificate2 Fetch(Func<X509Certificate2> download)
            {
                for (var i = 0; i < 5; i++)
                {
                    var cert = download();
                    if (cert.NotAfter > DateTime.Now.AddDays(7)) return cert;
                    Thread.Sleep(1000);
                }

                throw new InvalidOperationException("only expiring certificates");
            }
        }
        """,
        """
        using System; using System.Threading;
        public class Watchdog
        {
            private DateTime _lastHeartbeat = DateTime.UtcNow;
            public void Beat() => _lastHeartbeat = DateTime.UtcNow;
            public void Run(Func<bool> running, Action reconnect)
            {
                while (running())
                {
                    if (DateTime.UtcNow - _lastHeartbeat > TimeSpan.FromSeconds(30)) reconnect();
                    Thread.Sleep(1000);
                }
            }
        }
        """,
        """
        using System.IO; using System.Threading;
        public class Ingest
        {
            public void WaitUntilWritten(string path)
            {
                while (true)
                {
                    try
                    {
                        using (File.Open(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None)) { }
                        break;
                    }
                    catch (IOException) { Thread.Sleep(100); }
                }
            }
        }
        """,
        """
        using System.IO; using System.Threading;
        public class Zipper
        {
            public void WaitFor(FileInfo file)
            {
                while (IsFileLocked(file)) Thread.Sleep(500);
            }

            private static bool IsFileLocked(FileInfo file)
            {
                FileStream? stream = null;
                try { stream = file.Open(FileMode.Open, FileAccess.ReadWrite, FileShare.None); }
                catch (IOException) { return true; }
                finally { stream?.Close(); }
                return false;
            }
        }
        """,
        """
        using System.IO; using System.Threading;
        public class Exporter
        {
            public void Export(string path, byte[] data)
            {
                for (var i = 0; i < 3; i++)
                {
                    try
                    {
                        using var stream = File.Open(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.None);
                        stream.Write(data, 0, data.Length);
                        return;
                    }
                    catch (IOException) { Thread.Sleep(100); }
                }
            }
        }
        """,
        """
        using System; using System.IO;
        public class UniqueNames
        {
            public FileStream CreateUnique(string dir)
            {
                while (true)
                {
                    var candidate = Path.Combine(dir, Path.GetRandomFileName());
                    try { return new FileStream(candidate, FileMode.CreateNew); }
                    catch (IOException) { }
                }
            }
        }
        """,
    };
}
