--
-- Name: ghost_fn(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.ghost_fn() RETURNS text
    LANGUAGE plpgsql
    AS $_$
BEGIN
