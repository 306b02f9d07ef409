--
-- Name: atomic_fn(integer); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.atomic_fn(a integer) RETURNS integer
    LANGUAGE sql
    BEGIN ATOMIC
 SELECT
         CASE
             WHEN (a > 0) THEN (a + 1)
             ELSE 0
         END AS "case";
 SELECT (a + 2);
END;


ALTER FUNCTION public.atomic_fn(a integer) OWNER TO postgres;

