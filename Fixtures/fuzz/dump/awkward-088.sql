--
-- Name: Order Items Order Items_plain_id_fkey; Type: FK CONSTRAINT; Schema: Sales; Owner: postgres
--

ALTER TABLE ONLY "Sales"."Order Items"
    ADD CONSTRAINT "Order Items_plain_id_fkey" FOREIGN KEY (plain_id) REFERENCES public.plain(id);


