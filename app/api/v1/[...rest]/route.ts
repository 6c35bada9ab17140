import { notFound } from "@/lib/errors";
import { errorResponse } from "@/lib/server/http";

// Unknown API paths answer in the API's own error shape, not with the app's HTML 404 page.
const missing = () => errorResponse(notFound("This API endpoint (see /api/v1/openapi.json)"));

export { missing as GET, missing as POST, missing as PUT, missing as PATCH, missing as DELETE };
