using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using Ingest.Core.Storage;

namespace Ingest.Cli.Bench;

/// <summary>
/// Counts every storage request this process sends over HttpClient, whichever SDK sent it. The pipeline's own clients
/// are counted by <see cref="StorageRequestCountingPolicy"/>, but the trigger engine (storage extension 4.x, WebJobs
/// host storage) talks to storage through the older Microsoft.Azure.Storage / WindowsAzure.Storage SDKs, which have no
/// Azure.Core pipeline to put a policy in. Both SDKs send through HttpClient, whose diagnostic listener sees each request,
/// so "all requests" minus "the pipeline's" is what the trigger engine costs.
/// </summary>
internal sealed class ProcessHttpRequestCounter : IObserver<DiagnosticListener>, IDisposable
{
    private const string HttpListenerName = "HttpHandlerDiagnosticListener";
    // The request event (not the Activity-based HttpRequestOut pair), so counting starts no activities.
    private const string RequestEventName = "System.Net.Http.Request";

    private readonly StorageRequestCounter _counter;
    private readonly StorageEndpoints _endpoints;
    private readonly IDisposable _allListeners;
    private readonly ConcurrentBag<IDisposable> _subscriptions = [];

    public ProcessHttpRequestCounter(StorageRequestCounter counter, StorageEndpoints endpoints)
    {
        _counter = counter;
        _endpoints = endpoints;
        _allListeners = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == HttpListenerName)
        {
            _subscriptions.Add(listener.Subscribe(new RequestObserver(this), static (name, _, _) => name == RequestEventName));
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _allListeners.Dispose();
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }

    private void Record(HttpRequestMessage request)
    {
        if (request.RequestUri is not { } uri)
        {
            return;
        }
        var service = SameAuthority(uri, _endpoints.Blob) ? StorageService.Blob
            : SameAuthority(uri, _endpoints.Queue) ? StorageService.Queue
            : SameAuthority(uri, _endpoints.Table) ? StorageService.Table
            : (StorageService?)null;
        _counter.Record(service is { } known ? StorageRequestKinds.Classify(known, request.Method.Method, uri) : StorageRequestKinds.Other);
    }

    private static bool SameAuthority(Uri request, Uri endpoint) =>
        request.Port == endpoint.Port && string.Equals(request.Host, endpoint.Host, StringComparison.OrdinalIgnoreCase);

    /// <summary>The event payload is an internal type of System.Net.Http with a public Request property; read it by reflection, once per type.</summary>
    private sealed class RequestObserver(ProcessHttpRequestCounter owner) : IObserver<KeyValuePair<string, object?>>
    {
        private PropertyInfo? _requestProperty;

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key != RequestEventName || value.Value is not { } payload)
            {
                return;
            }
            var property = _requestProperty ??= payload.GetType().GetProperty("Request");
            if (property?.GetValue(payload) is HttpRequestMessage request)
            {
                owner.Record(request);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
