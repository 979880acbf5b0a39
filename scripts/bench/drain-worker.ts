// The floor for the form upload bench: a Worker that reads a request body and drops it, so the
// runtime's own cost of taking in a large body is measured apart from the service's.
export default {
  async fetch(request: Request) {
    if (request.method !== "POST" || !request.body) return new Response("ok");
    const reader = request.body.getReader();
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
    }
    return Response.json({ total }, { status: 201 });
  },
};
