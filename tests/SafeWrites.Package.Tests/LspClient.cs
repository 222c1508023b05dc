using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace SafeWrites.Package.Tests;

/// <summary>
/// A minimal Language Server Protocol client over a server's stdin/stdout (JSON-RPC with Content-Length headers):
/// requests with their responses, notifications, and answers to the server's own requests
/// (<c>workspace/configuration</c> gets the settings the client was given, anything else <c>null</c>).
/// </summary>
internal sealed class LspClient : IDisposable
{
    private readonly Process _server;
    private readonly Func<string, JsonNode?, JsonNode?> _answerServer;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> _pending = new();
    private readonly StringBuilder _stderr = new();
    private readonly List<string> _log = [];
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly Thread _reader;
    private int _nextId;

    public LspClient(ProcessStartInfo start, Func<string, JsonNode?, JsonNode?> answerServer)
    {
        _answerServer = answerServer;
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        _server = new Process { StartInfo = start };
        _server.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_stderr)
                {
                    _stderr.AppendLine(e.Data);
                }
            }
        };
        _server.Start();
        _server.BeginErrorReadLine();
        _reader = new Thread(ReadMessages) { IsBackground = true, Name = "lsp-reader" };
        _reader.Start();
    }

    /// <summary>The server's stderr and the messages it sent, for a failure message.</summary>
    public string Transcript()
    {
        lock (_log)
        {
            lock (_stderr)
            {
                return $"stderr:\n{_stderr}\nmessages from the server (last 40):\n{string.Join("\n", _log.TakeLast(40))}";
            }
        }
    }

    public async Task<JsonNode?> Request(string method, JsonNode? parameters, TimeSpan timeout)
    {
        var id = Interlocked.Increment(ref _nextId);
        var response = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = response;
        await Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        var done = await Task.WhenAny(response.Task, Task.Delay(timeout));
        _pending.TryRemove(id, out _);
        if (done != response.Task)
        {
            throw new TimeoutException($"No answer to {method} within {timeout}.\n{Transcript()}");
        }

        return await response.Task;
    }

    public Task Notify(string method, JsonNode? parameters) =>
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    private async Task Send(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        await _writeGate.WaitAsync();
        try
        {
            var stdin = _server.StandardInput.BaseStream;
            await stdin.WriteAsync(header);
            await stdin.WriteAsync(body);
            await stdin.FlushAsync();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private void ReadMessages()
    {
        var stdout = _server.StandardOutput.BaseStream;
        try
        {
            while (ReadMessage(stdout) is { } message)
            {
                Dispatch(message);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or JsonException)
        {
            Log("reader stopped: " + e.Message);
        }

        foreach (var pending in _pending.Values)
        {
            pending.TrySetException(new IOException($"The language server closed its output.\n{Transcript()}"));
        }
    }

    /// <summary>One message: headers up to an empty line, then Content-Length bytes of JSON; null at the end of the stream.</summary>
    private static JsonNode? ReadMessage(Stream stream)
    {
        var length = -1;
        while (true)
        {
            var line = ReadHeaderLine(stream);
            if (line is null)
            {
                return null;
            }

            if (line.Length == 0)
            {
                break;
            }

            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line.Substring("Content-Length:".Length).Trim());
            }
        }

        if (length < 0)
        {
            throw new IOException("A message without a Content-Length header.");
        }

        var body = new byte[length];
        stream.ReadExactly(body);
        return JsonNode.Parse(body);
    }

    private static string? ReadHeaderLine(Stream stream)
    {
        var bytes = new List<byte>();
        while (true)
        {
            var b = stream.ReadByte();
            if (b < 0)
            {
                return bytes.Count == 0 ? null : throw new EndOfStreamException("The stream ended inside a header.");
            }

            if (b == '\n')
            {
                return Encoding.ASCII.GetString(bytes.ToArray()).TrimEnd('\r');
            }

            bytes.Add((byte)b);
        }
    }

    private void Dispatch(JsonNode message)
    {
        var method = message["method"]?.GetValue<string>();
        var id = message["id"];
        if (method is null && id is not null)
        {
            // A response to one of our requests.
            if (_pending.TryGetValue(id.GetValue<int>(), out var response))
            {
                if (message["error"] is { } error)
                {
                    response.TrySetException(new InvalidOperationException($"The server answered with an error: {error.ToJsonString()}"));
                }
                else
                {
                    response.TrySetResult(message["result"]?.DeepClone());
                }
            }

            return;
        }

        Log(method == "textDocument/publishDiagnostics" ? $"{method} {message["params"]?["uri"]}" : $"{method} {Shorten(message["params"])}");
        if (method is not null && id is not null)
        {
            // A request from the server: it waits for an answer.
            var answer = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = _answerServer(method, message["params"]) };
            _ = Send(answer);
        }
    }

    private static string Shorten(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "";
        return text.Length > 300 ? text.Substring(0, 300) + "…" : text;
    }

    private void Log(string line)
    {
        lock (_log)
        {
            _log.Add(line);
        }
    }

    /// <summary>The polite end: shutdown, then exit; Dispose kills a server that does not go.</summary>
    public async Task Shutdown(TimeSpan timeout)
    {
        await Request("shutdown", null, timeout);
        await Notify("exit", null);
        _server.WaitForExit((int)timeout.TotalMilliseconds);
    }

    public void Dispose()
    {
        try
        {
            if (!_server.HasExited)
            {
                _server.Kill(entireProcessTree: true);
                _server.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _server.Dispose();
        _writeGate.Dispose();
    }
}
